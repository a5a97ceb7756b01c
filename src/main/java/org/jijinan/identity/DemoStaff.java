package org.jijinan.identity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jijinan.identity.StaffAdministration.DemoOpening;
import org.jijinan.region.DivisionView;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.DeploymentMode;
import org.jijinan.shared.DivisionCode;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In demo mode, on the first start, sets up Gonghe County's units and one account per role, and prints the user
 * names and one-time passwords to the console once. The passwords are kept in memory only, for this run.
 */
@Component
@Order(20)
public class DemoStaff implements ApplicationRunner {

	private static final DivisionCode COUNTY = new DivisionCode("632521");

	private static final DivisionCode SEAT = new DivisionCode("632521100");

	private static final DivisionCode DAOTANGHE = new DivisionCode("632521101");

	private final DeploymentMode mode;

	private final Units units;

	private final Accounts accounts;

	private final RegionDirectory regions;

	private final StaffAdministration administration;

	private final Map<String, String> oneTimePasswords = new LinkedHashMap<>();

	DemoStaff(DeploymentMode mode, Units units, Accounts accounts, RegionDirectory regions,
			StaffAdministration administration) {
		this.mode = mode;
		this.units = units;
		this.accounts = accounts;
		this.regions = regions;
		this.administration = administration;
	}

	/**
	 * @return the demo accounts' one-time passwords created by this run (empty when they existed already)
	 */
	public Map<String, String> oneTimePasswords() {
		return Collections.unmodifiableMap(oneTimePasswords);
	}

	@Override
	@Transactional
	public void run(ApplicationArguments arguments) {
		if (!mode.demo() || accounts.countAll() > 0) {
			return;
		}
		Unit bureau = unit("共和县民政局", UnitKind.COUNTY_CIVIL_AFFAIRS, COUNTY);
		Unit hotline = unit("共和县12349社会救助热线", UnitKind.HOTLINE_CENTRE, COUNTY);
		Unit supervision = unit("共和县人民政府督查室", UnitKind.SUPERVISION_OFFICE, COUNTY);
		Unit health = unit("共和县卫生健康局", UnitKind.HEALTH_DEPARTMENT, COUNTY);
		unit("共和县教育局", UnitKind.EDUCATION_DEPARTMENT, COUNTY);
		unit("共和县住房和城乡建设局", UnitKind.HOUSING_DEPARTMENT, COUNTY);
		unit("共和县人力资源和社会保障局", UnitKind.HUMAN_RESOURCES_SOCIAL_SECURITY_DEPARTMENT, COUNTY);
		unit("共和县医疗保障局", UnitKind.MEDICAL_SECURITY_DEPARTMENT, COUNTY);
		Unit hospital = unit("共和县人民医院（演示）", UnitKind.HOSPITAL, COUNTY);
		unit("共和县残疾人联合会", UnitKind.DISABLED_PERSONS_FEDERATION, COUNTY);
		unit("共和县应急管理局", UnitKind.EMERGENCY_MANAGEMENT_DEPARTMENT, COUNTY);
		Unit charity = unit("共和县慈善协会（演示）", UnitKind.CHARITY, COUNTY);
		Unit agency = unit("共和县社会工作服务中心（演示）", UnitKind.SOCIAL_WORK_AGENCY, COUNTY);
		Map<DivisionCode, Unit> townships = townships();
		Unit village = villageCommittees(townships.keySet());
		Unit seat = townships.get(SEAT);
		List<DemoOpening> openings = List.of(
			demo("demo.reporter", "村救助员（演示）", village, Role.VILLAGE_REPORTER),
			demo("demo.clerk", "受理窗口（演示）", seat, Role.WINDOW_CLERK),
			demo("demo.clerk2", "倒淌河镇受理窗口（演示）", townships.get(DAOTANGHE), Role.WINDOW_CLERK),
			demo("demo.hotline", "热线接线员（演示）", hotline, Role.HOTLINE_OPERATOR),
			demo("demo.township.reviewer", "乡镇审核（演示）", seat, Role.TOWNSHIP_REVIEWER),
			demo("demo.township.approver", "乡镇审批（演示）", seat, Role.TOWNSHIP_APPROVER),
			demo("demo.township.admin", "乡镇管理员（演示）", seat, Role.ADMINISTRATOR),
			demo("demo.county.reviewer", "县级审核（演示）", bureau, Role.COUNTY_REVIEWER),
			demo("demo.county.approver", "县级审批（演示）", bureau, Role.COUNTY_APPROVER),
			demo("demo.department", "卫健部门经办（演示）", health, Role.DEPARTMENT_OFFICER),
			demo("demo.hospital", "医院结算窗口（演示）", hospital, Role.DEPARTMENT_OFFICER),
			demo("demo.charity", "慈善组织（演示）", charity, Role.CHARITY_OFFICER),
			demo("demo.socialworker", "社会工作者（演示）", agency, Role.SOCIAL_WORKER),
			demo("demo.supervisor", "督办人员（演示）", supervision, Role.SUPERVISOR),
			demo("demo.leader", "县领导（演示）", bureau, Role.LEADER),
			demo("demo.admin", "系统管理员（演示）", bureau, Role.ADMINISTRATOR));
		administration.openDemo(openings)
			.forEach(opened -> oneTimePasswords.put(opened.account().username(), opened.oneTimePassword()));
		print();
	}

	private Map<DivisionCode, Unit> townships() {
		Map<DivisionCode, Unit> townships = new LinkedHashMap<>();
		for (DivisionView township : regions.children(COUNTY)) {
			if (township.validTo() == null && township.code().value().charAt(6) != '4') {
				Unit unit = unit(township.name() + "人民政府", UnitKind.TOWNSHIP_GOVERNMENT, township.code());
				// An invented office number per township (0974 is the county's area code), for the applicants' texts.
				unit.changeOfficePhone("0974-85" + township.code().value().substring(6) + "00");
				townships.put(township.code(), units.save(unit));
			}
		}
		return townships;
	}

	private Unit villageCommittees(Set<DivisionCode> townships) {
		List<Unit> committees = new ArrayList<>();
		for (DivisionCode township : townships) {
			for (DivisionView village : regions.children(township)) {
				committees.add(unit(village.name() + "村民委员会", UnitKind.VILLAGE_COMMITTEE, village.code()));
			}
		}
		return committees.get(0);
	}

	private Unit unit(String name, UnitKind kind, DivisionCode code) {
		DivisionView division = regions.require(code);
		return units.save(Unit.establish(name, kind, division, regions.path(code), true));
	}

	private static DemoOpening demo(String username, String name, Unit unit, Role role) {
		return new DemoOpening(new NewAccount(username, name, unit.id(), Set.of(role)), unit);
	}

	@SuppressWarnings("java:S106")
	private void print() {
		StringBuilder out = new StringBuilder();
		out.append("\n================ 演示账户 DEMO ACCOUNTS (shown once) ================\n");
		out.append("Each password is for one use: the first login asks for a new one.\n");
		oneTimePasswords.forEach((user, password) -> out.append(String.format("  %-24s %s%n", user, password)));
		out.append("=====================================================================\n");
		System.out.println(out);
	}

}
