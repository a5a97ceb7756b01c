package org.jijinan.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.Set;

import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;

/**
 * A partner system (a department's system, a hospital, the hotline system, a charity) calling the API with client
 * credentials an administrator issued. It acts for one unit and only within its scopes.
 *
 * @param clientId the client's public identifier
 * @param name the system's name
 * @param unit the unit it acts for
 * @param scopes what it may do, such as {@code help-requests:write}
 */
public record PartnerClient(String clientId, String name, UnitView unit, Set<String> scopes)
		implements Caller, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	@Override
	public Set<String> roles() {
		return Set.of();
	}

	@Override
	public String organisation() {
		return unit.name();
	}

	@Override
	public @Nullable DivisionCode regionScope() {
		return unit.kind().regionScoped() ? unit.divisionCode() : null;
	}

	@Override
	public DivisionCode homeDivision() {
		return unit.divisionCode();
	}

}
