package org.jijinan.intake;

import java.util.Set;

import org.jijinan.TestPlatform;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A county that routes by where it happened sends a request about someone away from home to the township of the
 * incident.
 */
@SpringBootTest(properties = "jijinan.intake.routing=INCIDENT")
@Import(TestPlatform.class)
class IncidentRoutingTests {

	static final Caller HOTLINE = new Caller() {

		@Override
		public String name() {
			return "hotline.operator";
		}

		@Override
		public Set<String> roles() {
			return Set.of("HOTLINE_OPERATOR");
		}

		@Override
		public DivisionCode regionScope() {
			return new DivisionCode("632521");
		}

	};

	@Autowired
	IntakeDesk desk;

	@Test
	void routesByTheIncidentVillageWhenOneIsGiven() {
		var away = desk.receive(new NewHelpRequest(Channel.HOTLINE, Urgency.EMERGENCY, "路人", ReporterRelation.OTHER,
				"13909740041", null, "外出务工人员", null, "632521101201", "632521102201", "在龙羊峡镇遭遇车祸",
				Set.of("TRAFFIC_ACCIDENT"), true, null, null, null), HOTLINE);
		var home = desk.receive(new NewHelpRequest(Channel.HOTLINE, Urgency.NORMAL, "本人", ReporterRelation.SELF,
				"13909740042", null, "在家的人", null, "632521101201", null, "家中失火", Set.of("FIRE"), false, null, null, null), HOTLINE);

		assertThat(away.township()).isEqualTo(new DivisionCode("632521102"));
		assertThat(away.callbackWanted()).isTrue();
		assertThat(home.township()).isEqualTo(new DivisionCode("632521101"));
	}

}
