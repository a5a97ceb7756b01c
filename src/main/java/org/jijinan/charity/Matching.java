package org.jijinan.charity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The matching engine: how well a charity project fits a published need, as a score from 0 to 100 with the reasons
 * that make it up. A pure function — the same need and project always give the same score — and ties are broken by
 * identifier, so a list of matches is always in the same order.
 * <p>
 * A project that does not serve the need's township, serves only groups the family does not belong to, or has
 * nothing left of its budget, does not match at all.
 * Otherwise: the cause (40 points when the project names one of the need's causes, 20 when it takes every cause),
 * the budget left (30 points when it covers the need, in proportion when it covers part), the per-case maximum
 * (20 points when it covers the need, in proportion otherwise) and goods (10 points when the need asks for goods and
 * the project gives them).
 */
final class Matching {

	private static final Comparator<Match> BEST_FIRST = Comparator.comparingInt(Match::score)
		.reversed()
		.thenComparing(Match::projectId)
		.thenComparing(Match::needId);

	private Matching() {
	}

	static Optional<Match> score(Need need, Project project) {
		if (project.regionPaths().stream().noneMatch(need.townshipPath()::startsWith)
				|| project.remaining().signum() <= 0 || !project.groups().isEmpty()
						&& project.groups().stream().noneMatch(need.groups()::contains)) {
			return Optional.empty();
		}
		List<Reason> reasons = new ArrayList<>();
		reasons.add(new Reason("REGION", 0));
		if (!project.groups().isEmpty()) {
			reasons.add(new Reason("GROUP", 0));
		}
		if (project.causes().isEmpty()) {
			reasons.add(new Reason("ANY_CAUSE", 20));
		}
		else if (project.causes().stream().anyMatch(need.causes()::contains)) {
			reasons.add(new Reason("CAUSE", 40));
		}
		reasons.add(new Reason("BUDGET", share(project.remaining(), need.amount(), 30)));
		reasons.add(new Reason("PER_CASE", share(project.perCaseMax(), need.amount(), 20)));
		if (need.kinds().contains("GOODS") && project.givesGoods()) {
			reasons.add(new Reason("GOODS", 10));
		}
		int total = reasons.stream().mapToInt(Reason::points).sum();
		return Optional.of(new Match(need.id(), project.id(), total, List.copyOf(reasons)));
	}

	/**
	 * @return the best projects for a need, best first
	 */
	static List<Match> forNeed(Need need, List<Project> projects, int limit) {
		return projects.stream()
			.flatMap(project -> score(need, project).stream())
			.sorted(BEST_FIRST)
			.limit(limit)
			.toList();
	}

	/**
	 * @return the best needs for a project, best first
	 */
	static List<Match> forProject(Project project, List<Need> needs, int limit) {
		return needs.stream().flatMap(need -> score(need, project).stream()).sorted(BEST_FIRST).limit(limit).toList();
	}

	/** Full points when {@code available} covers {@code wanted}, in proportion when it covers part. */
	private static int share(BigDecimal available, BigDecimal wanted, int points) {
		if (wanted.signum() == 0 || available.compareTo(wanted) >= 0) {
			return points;
		}
		return available.multiply(BigDecimal.valueOf(points)).divide(wanted, 0, RoundingMode.DOWN).intValue();
	}

	/**
	 * What the engine knows of a need.
	 */
	record Need(UUID id, String townshipPath, Set<String> causes, Set<String> kinds, BigDecimal amount,
			Set<String> groups) {
	}

	/**
	 * What the engine knows of a project.
	 */
	record Project(UUID id, List<String> regionPaths, Set<String> causes, BigDecimal perCaseMax, BigDecimal remaining,
			boolean givesGoods, Set<String> groups) {
	}

	/**
	 * A scored pair.
	 *
	 * @param needId the need
	 * @param projectId the project
	 * @param score 0 to 100
	 * @param reasons what the score is made of
	 */
	record Match(UUID needId, UUID projectId, int score, List<Reason> reasons) {
	}

	/**
	 * One part of a score.
	 *
	 * @param code {@code REGION}, {@code GROUP}, {@code CAUSE}, {@code ANY_CAUSE}, {@code BUDGET}, {@code PER_CASE} or
	 * {@code GOODS}
	 * @param points what it adds
	 */
	record Reason(String code, int points) {
	}

}
