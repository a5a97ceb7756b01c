package org.jijinan.charity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The matching engine at scale: the same scores as {@link Matching#score}, computed over projects indexed by the
 * region they serve, with causes as bit masks and money in fen, keeping the best few per need. A full re-match of
 * every open need runs on all cores. The matches it returns carry their reasons, computed by {@link Matching} itself,
 * so what is shown is always what was scored.
 */
final class MatchIndex {

	private final Matching.Project[] projects;

	private final long[] causeBits;

	private final boolean[] anyCause;

	private final long[] remaining;

	private final long[] perCase;

	private final boolean[] goods;

	/** Projects naming a cause beyond the 64 that have a bit: their causes are compared as sets. */
	private final boolean[] overflow;

	/** The groups each project is limited to, as bits; 0 when it serves everyone (or only groups without a bit). */
	private final long[] groupBits;

	/** Projects limited to a group beyond the 64 that have a bit: their groups are compared as sets. */
	private final boolean[] groupOverflow;

	private final Map<String, Integer> groupBit;

	private final Map<String, int[]> byRegion;

	private final Map<String, Integer> causeBit;

	private MatchIndex(Matching.Project[] projects, Map<String, Integer> causeBit, Map<String, Integer> groupBit) {
		this.projects = projects;
		this.causeBit = causeBit;
		this.groupBit = groupBit;
		int count = projects.length;
		causeBits = new long[count];
		anyCause = new boolean[count];
		remaining = new long[count];
		perCase = new long[count];
		goods = new boolean[count];
		overflow = new boolean[count];
		groupBits = new long[count];
		groupOverflow = new boolean[count];
		Map<String, List<Integer>> regions = new HashMap<>();
		for (int i = 0; i < count; i++) {
			Matching.Project project = projects[i];
			anyCause[i] = project.causes().isEmpty();
			causeBits[i] = bits(project.causes());
			overflow[i] = !causeBit.keySet().containsAll(project.causes());
			groupOverflow[i] = !groupBit.keySet().containsAll(project.groups());
			groupBits[i] = groupOverflow[i] ? 0 : groupBits(project.groups());
			remaining[i] = fen(project.remaining());
			perCase[i] = fen(project.perCaseMax());
			goods[i] = project.givesGoods();
			for (String path : project.regionPaths().stream().distinct().toList()) {
				regions.computeIfAbsent(path, key -> new ArrayList<>()).add(i);
			}
		}
		byRegion = new HashMap<>();
		regions.forEach((path, indices) -> byRegion.put(path, indices.stream().mapToInt(Integer::intValue).toArray()));
	}

	/**
	 * Indexes the projects that may be matched.
	 */
	static MatchIndex of(List<Matching.Project> projects) {
		Matching.Project[] sorted = projects.stream()
			.filter(project -> project.remaining().signum() > 0)
			.sorted(Comparator.comparing(Matching.Project::id))
			.toArray(Matching.Project[]::new);
		Map<String, Integer> causeBit = new LinkedHashMap<>();
		for (Matching.Project project : sorted) {
			for (String cause : project.causes()) {
				if (causeBit.size() < 64) {
					causeBit.putIfAbsent(cause, causeBit.size());
				}
			}
		}
		Map<String, Integer> groupBit = new LinkedHashMap<>();
		for (Matching.Project project : sorted) {
			for (String group : project.groups()) {
				if (groupBit.size() < 64) {
					groupBit.putIfAbsent(group, groupBit.size());
				}
			}
		}
		return new MatchIndex(sorted, causeBit, groupBit);
	}

	/**
	 * @return the best projects for one need, best first, with their reasons
	 */
	List<Matching.Match> forNeed(Matching.Need need, int limit) {
		int[] found = best(need, limit, new int[projects.length], 1);
		return explain(need, Arrays.copyOf(found, found.length / 2));
	}

	/**
	 * Re-matches every need: each need's best projects, best first, with their scores. The reasons behind a score are
	 * a pure function of the pair ({@link Matching#score}), worked out when a match is shown.
	 * @return the ranked projects, by need
	 */
	Map<Matching.Need, List<Ranked>> rematch(List<Matching.Need> needs, int limit) {
		int[][] best = new int[needs.size()][];
		int[][] scores = new int[needs.size()][];
		int threads = Runtime.getRuntime().availableProcessors();
		int slice = (needs.size() + threads - 1) / Math.max(1, threads);
		IntStream.range(0, threads).parallel().forEach(thread -> {
			int[] seen = new int[projects.length];
			int to = Math.min(needs.size(), (thread + 1) * slice);
			for (int n = thread * slice; n < to; n++) {
				int[] top = best(needs.get(n), limit, seen, n + 1);
				best[n] = Arrays.copyOf(top, top.length / 2);
				scores[n] = Arrays.copyOfRange(top, top.length / 2, top.length);
			}
		});
		Map<Matching.Need, List<Ranked>> ranked = new LinkedHashMap<>();
		for (int n = 0; n < needs.size(); n++) {
			List<Ranked> list = new ArrayList<>(best[n].length);
			for (int k = 0; k < best[n].length; k++) {
				list.add(new Ranked(projects[best[n][k]].id(), scores[n][k]));
			}
			ranked.put(needs.get(n), list);
		}
		return ranked;
	}

	/**
	 * The indices of the best projects for a need, best first, followed by their scores. {@code seen} marks projects
	 * already scored for this need ({@code stamp}), as a project serving a county and one of its townships is listed
	 * twice. A project whose cause and goods points plus the most the money can add (50) cannot beat the worst of a
	 * full list is passed over without working out its shares.
	 */
	private int[] best(Matching.Need need, int limit, int[] seen, int stamp) {
		int[] topIndex = new int[limit];
		int[] topScore = new int[limit];
		int size = 0;
		long needCauses = bits(need.causes());
		long needGroups = groupBits(need.groups());
		long wanted = fen(need.amount());
		boolean wantsGoods = need.kinds().contains("GOODS");
		String path = need.townshipPath();
		for (int end = path.indexOf('/', 1); end > 0; end = path.indexOf('/', end + 1)) {
			int[] candidates = byRegion.get(path.substring(0, end + 1));
			if (candidates == null) {
				continue;
			}
			for (int i : candidates) {
				if (seen[i] == stamp) {
					continue;
				}
				seen[i] = stamp;
				if (groupBits[i] != 0 && (groupBits[i] & needGroups) == 0
						|| groupOverflow[i] && projects[i].groups().stream().noneMatch(need.groups()::contains)) {
					continue;
				}
				boolean cause = overflow[i] ? projects[i].causes().stream().anyMatch(need.causes()::contains)
						: (causeBits[i] & needCauses) != 0;
				int fixed = (anyCause[i] ? 20 : cause ? 40 : 0) + (wantsGoods && goods[i] ? 10 : 0);
				if (size == limit && !better(fixed + 50, i, topScore[limit - 1], topIndex[limit - 1])) {
					continue;
				}
				int score = fixed + share(remaining[i], wanted, 30) + share(perCase[i], wanted, 20);
				if (size < limit) {
					int at = size++;
					while (at > 0 && better(score, i, topScore[at - 1], topIndex[at - 1])) {
						topScore[at] = topScore[at - 1];
						topIndex[at] = topIndex[at - 1];
						at--;
					}
					topScore[at] = score;
					topIndex[at] = i;
				}
				else if (better(score, i, topScore[limit - 1], topIndex[limit - 1])) {
					int at = limit - 1;
					while (at > 0 && better(score, i, topScore[at - 1], topIndex[at - 1])) {
						topScore[at] = topScore[at - 1];
						topIndex[at] = topIndex[at - 1];
						at--;
					}
					topScore[at] = score;
					topIndex[at] = i;
				}
			}
		}
		int[] found = new int[size * 2];
		System.arraycopy(topIndex, 0, found, 0, size);
		System.arraycopy(topScore, 0, found, size, size);
		return found;
	}

	private List<Matching.Match> explain(Matching.Need need, int[] indices) {
		List<Matching.Match> matches = new ArrayList<>(indices.length);
		for (int i : indices) {
			Matching.score(need, projects[i]).ifPresent(matches::add);
		}
		return matches;
	}

	/**
	 * A project's place for a need.
	 *
	 * @param projectId the project
	 * @param score its score
	 */
	record Ranked(java.util.UUID projectId, int score) {
	}

	private static boolean better(int score, int index, int otherScore, int otherIndex) {
		return score > otherScore || score == otherScore && index < otherIndex;
	}

	private static int share(long available, long wanted, int points) {
		return wanted == 0 || available >= wanted ? points : (int) (available * points / wanted);
	}

	private long bits(java.util.Set<String> causes) {
		long bits = 0;
		for (String cause : causes) {
			Integer bit = causeBit.get(cause);
			if (bit != null) {
				bits |= 1L << bit;
			}
		}
		return bits;
	}

	private long groupBits(java.util.Set<String> groups) {
		long bits = 0;
		for (String group : groups) {
			Integer bit = groupBit.get(group);
			if (bit != null) {
				bits |= 1L << bit;
			}
		}
		return bits;
	}

	private static long fen(BigDecimal yuan) {
		return yuan.movePointRight(2).longValueExact();
	}

}
