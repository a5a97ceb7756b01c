package org.jijinan.people;

import java.sql.Date;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forms the households of a household roster once all its rows are stored, in the transaction that completes the
 * import: each head named in the file heads a household (their own, or a new one they move into), each member
 * joins the household of the head their row names (leaving the one they were in, with history), and every such
 * household is granted the roster's category. Rows whose head is not registered are reported.
 */
@Component
class RosterHouseholds {

	private final JdbcClient jdbc;

	RosterHouseholds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void form(RosterRun run, LocalDate today) {
		int headless = reportMissingHeads(run);
		formHeads(run, today);
		moveMembers(run, today);
		int households = grant(run);
		jdbc.sql("update people_roster_import set households = :households, rows_failed = rows_failed + :headless "
				+ "where id = :id")
			.param("households", households)
			.param("headless", headless)
			.param("id", run.importId())
			.update();
		jdbc.sql("delete from people_roster_member where import_id = :id").param("id", run.importId()).update();
	}

	private int reportMissingHeads(RosterRun run) {
		int reported = jdbc.sql("""
				insert into people_roster_problem (import_id, row_number, column_name, code)
				select m.import_id, m.row_number, '户主公民身份号码', 'people.roster-head-missing'
				  from people_roster_member m
				 where m.import_id = :id
				   and not exists (select 1 from people_person h where h.id_number_hash = m.head_hash)
				on conflict do nothing""")
			.param("id", run.importId())
			.update();
		jdbc.sql("""
				delete from people_roster_member m
				 where m.import_id = :id
				   and not exists (select 1 from people_person h where h.id_number_hash = m.head_hash)""")
			.param("id", run.importId())
			.update();
		return reported;
	}

	private void formHeads(RosterRun run, LocalDate today) {
		jdbc.sql("""
				create temporary table roster_heads on commit drop as
				select distinct h.id, h.residence, h.residence_path
				  from people_roster_member m join people_person h on h.id_number_hash = m.head_hash
				 where m.import_id = :id
				   and not exists (select 1 from people_household_member hm
				                    where hm.person_id = h.id and hm.left_on is null and hm.relationship = 'HEAD')""")
			.param("id", run.importId())
			.update();
		jdbc.sql("""
				update people_household_member set left_on = :today
				 where left_on is null and person_id in (select id from roster_heads)""")
			.param("today", Date.valueOf(today))
			.update();
		jdbc.sql("""
				insert into people_household (id, village, village_path, version)
				select md5(h.id::text || :id::text)::uuid, h.residence, h.residence_path, 0 from roster_heads h""")
			.param("id", run.importId())
			.update();
		jdbc.sql("""
				insert into people_household_member (household_id, person_id, relationship, joined_on)
				select md5(h.id::text || :id::text)::uuid, h.id, 'HEAD', :today from roster_heads h""")
			.param("id", run.importId())
			.param("today", Date.valueOf(today))
			.update();
	}

	private void moveMembers(RosterRun run, LocalDate today) {
		jdbc.sql("""
				create temporary table roster_moves on commit drop as
				select distinct on (p.id) p.id as person_id, hm.household_id, m.relationship
				  from people_roster_member m
				  join people_person p on p.id_number_hash = m.person_hash
				  join people_person h on h.id_number_hash = m.head_hash
				  join people_household_member hm on hm.person_id = h.id and hm.left_on is null
				                                 and hm.relationship = 'HEAD'
				 where m.import_id = :id and m.relationship <> 'HEAD'
				   and not exists (select 1 from people_household_member current
				                    where current.person_id = p.id and current.left_on is null
				                      and (current.household_id = hm.household_id or current.relationship = 'HEAD'))
				 order by p.id, m.row_number""")
			.param("id", run.importId())
			.update();
		jdbc.sql("""
				update people_household_member set left_on = :today
				 where left_on is null and person_id in (select person_id from roster_moves)""")
			.param("today", Date.valueOf(today))
			.update();
		jdbc.sql("""
				insert into people_household_member (household_id, person_id, relationship, joined_on)
				select household_id, person_id, relationship, :today from roster_moves""")
			.param("today", Date.valueOf(today))
			.update();
		jdbc.sql("""
				update people_household set version = version + 1
				 where id in (select household_id from roster_moves)""")
			.update();
	}

	/**
	 * @return how many households the roster names
	 */
	private int grant(RosterRun run) {
		jdbc.sql("""
				create temporary table roster_households on commit drop as
				select distinct hm.household_id
				  from (select distinct head_hash from people_roster_member where import_id = :id) r
				  join people_person h on h.id_number_hash = r.head_hash
				  join people_household_member hm on hm.person_id = h.id and hm.left_on is null
				                                 and hm.relationship = 'HEAD'""")
			.param("id", run.importId())
			.update();
		jdbc.sql("""
				insert into people_category_membership (id, category_code, household_id, source, valid_from)
				select gen_random_uuid(), :category, r.household_id, :source, :from from roster_households r
				 where not exists (select 1 from people_category_membership m
				                    where m.household_id = r.household_id and m.category_code = :category
				                      and (m.valid_to is null or m.valid_to >= :from))""")
			.param("category", run.category())
			.param("source", run.source())
			.param("from", Date.valueOf(run.validFrom()))
			.update();
		return jdbc.sql("select count(*) from roster_households").query(Integer.class).single();
	}

}
