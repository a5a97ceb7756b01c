package org.jijinan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * The 救急难 platform: one deployable application whose top-level packages are its business modules.
 */
@Modulithic(sharedModules = "shared", systemName = "救急难 jijinan")
@SpringBootApplication
@ConfigurationPropertiesScan
public class JijinanApplication {

	public static void main(String[] args) {
		if (BackupCommands.handles(args)) {
			System.exit(BackupCommands.run(args));
		}
		var application = new SpringApplication(JijinanApplication.class);
		application.addListeners(new EmbeddedDatabaseStart());
		application.run(args);
	}

}
