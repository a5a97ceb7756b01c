package org.jijinan;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.jspecify.annotations.Nullable;

/**
 * One platform (or one command) at a time on a data folder: the process holds an exclusive lock on
 * {@code platform.lock} in the folder for as long as it runs, and the operating system releases it when the process
 * ends, however it ends. Whoever gets the lock knows that a PostgreSQL still running on the folder was left by a run
 * that died, and may stop it; whoever does not is refused with a message, and stops nothing.
 */
final class DataFolderLock implements AutoCloseable {

	private final @Nullable FileChannel channel;

	private final @Nullable FileLock lock;

	private DataFolderLock(@Nullable FileChannel channel, @Nullable FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * @return no lock, for a database that lives only as long as its process (nothing to share)
	 */
	static DataFolderLock none() {
		return new DataFolderLock(null, null);
	}

	/**
	 * @param folder the data folder
	 * @return the lock, held until {@link #close()} or the end of the process
	 * @throws IllegalStateException when another platform or command runs on the folder
	 */
	static DataFolderLock take(Path folder) throws IOException {
		Files.createDirectories(folder);
		FileChannel channel = FileChannel.open(folder.resolve("platform.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException sameProcess) {
			lock = null;
		}
		catch (IOException | RuntimeException failed) {
			channel.close();
			throw failed;
		}
		if (lock == null) {
			channel.close();
			throw new IllegalStateException("Another jijinan platform or command is running on the data folder "
					+ folder.toAbsolutePath() + "; stop it first (a command such as the audit verification or the "
					+ "dashboard rebuild runs only while the platform is stopped)");
		}
		return new DataFolderLock(channel, lock);
	}

	@Override
	public void close() throws IOException {
		if (lock != null && channel != null) {
			lock.release();
			channel.close();
		}
	}

}
