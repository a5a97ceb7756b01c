package org.jijinan.relief;

import java.math.BigDecimal;

import org.jijinan.shared.FormNumbers;
import org.jspecify.annotations.Nullable;

/**
 * The proposal form as the page posts it: every field as typed, so that a number that is not one is shown back
 * with a clear message instead of failing the binding.
 */
class ProposalForm {

	private @Nullable String cause;

	private @Nullable String band;

	private @Nullable String persons = "1";

	private boolean urban;

	private @Nullable String cashAmount;

	private @Nullable String goods;

	private @Nullable String goodsValue;

	private @Nullable String referral;

	private @Nullable String billRef;

	private @Nullable String overrideReason;

	private @Nullable String payeeName;

	private @Nullable String payeeAccount;

	private @Nullable String payeeBank;

	Proposal toProposal() {
		BigDecimal cash = FormNumbers.amount(cashAmount, "relief.amount-invalid");
		return new Proposal(text(cause), text(band), persons(), urban, cash == null ? BigDecimal.ZERO : cash, goods,
				FormNumbers.amount(goodsValue, "relief.amount-invalid"), referral, billRef, overrideReason, payeeName,
				payeeAccount, payeeBank);
	}

	int persons() {
		try {
			return Integer.parseInt(text(persons).strip());
		}
		catch (NumberFormatException notANumber) {
			throw new org.jijinan.shared.InvalidInput("relief.persons-invalid");
		}
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value;
	}

	public @Nullable String getCause() {
		return cause;
	}

	public void setCause(@Nullable String cause) {
		this.cause = cause;
	}

	public @Nullable String getBand() {
		return band;
	}

	public void setBand(@Nullable String band) {
		this.band = band;
	}

	public @Nullable String getPersons() {
		return persons;
	}

	public void setPersons(@Nullable String persons) {
		this.persons = persons;
	}

	public boolean isUrban() {
		return urban;
	}

	public void setUrban(boolean urban) {
		this.urban = urban;
	}

	public @Nullable String getCashAmount() {
		return cashAmount;
	}

	public void setCashAmount(@Nullable String cashAmount) {
		this.cashAmount = cashAmount;
	}

	public @Nullable String getGoods() {
		return goods;
	}

	public void setGoods(@Nullable String goods) {
		this.goods = goods;
	}

	public @Nullable String getGoodsValue() {
		return goodsValue;
	}

	public void setGoodsValue(@Nullable String goodsValue) {
		this.goodsValue = goodsValue;
	}

	public @Nullable String getReferral() {
		return referral;
	}

	public void setReferral(@Nullable String referral) {
		this.referral = referral;
	}

	public @Nullable String getBillRef() {
		return billRef;
	}

	public void setBillRef(@Nullable String billRef) {
		this.billRef = billRef;
	}

	public @Nullable String getOverrideReason() {
		return overrideReason;
	}

	public void setOverrideReason(@Nullable String overrideReason) {
		this.overrideReason = overrideReason;
	}

	public @Nullable String getPayeeName() {
		return payeeName;
	}

	public void setPayeeName(@Nullable String payeeName) {
		this.payeeName = payeeName;
	}

	public @Nullable String getPayeeAccount() {
		return payeeAccount;
	}

	public void setPayeeAccount(@Nullable String payeeAccount) {
		this.payeeAccount = payeeAccount;
	}

	public @Nullable String getPayeeBank() {
		return payeeBank;
	}

	public void setPayeeBank(@Nullable String payeeBank) {
		this.payeeBank = payeeBank;
	}

}
