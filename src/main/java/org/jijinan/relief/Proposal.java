package org.jijinan.relief;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jijinan.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * A temporary-assistance proposal as the case handler makes it: the cause and band the amount is computed from,
 * what is given (cash, goods, a referral to another scheme), and where the cash goes.
 *
 * @param cause the hardship cause (one of the case's)
 * @param band the band of hardship (一档, 二档 …)
 * @param persons the persons in the household
 * @param urban whether the urban standard applies
 * @param cashAmount cash to grant, yuan to the fen; 0 for goods or a referral only
 * @param goods goods to hand out (clothes, food, bedding …)
 * @param goodsValue their value, yuan
 * @param referral the scheme or organisation the family is referred to (转介)
 * @param billRef the hospital bill this grant helps with (hospital code and admission number), to find double
 * payment
 * @param overrideReason why the amount goes beyond the computed one (一事一议); the county decides then
 * @param payeeName the account holder
 * @param payeeAccount the bank account number for the cash (社会化发放)
 * @param payeeBank the bank
 */
public record Proposal(@NotNull @Size(max = 40) String cause, @NotNull @Size(max = 20) String band, int persons,
		boolean urban, @NotNull BigDecimal cashAmount, @Nullable @Size(max = 500) String goods,
		@Nullable BigDecimal goodsValue, @Nullable @Size(max = 500) String referral,
		@Nullable @Size(max = 80) String billRef, @Nullable String overrideReason,
		@Nullable @Size(max = 50) String payeeName, @Nullable @Size(max = 40) String payeeAccount,
		@Nullable @Size(max = 80) String payeeBank) {

	public Proposal {
		if (cashAmount == null || cashAmount.signum() < 0 || cashAmount.stripTrailingZeros().scale() > 2) {
			throw new org.jijinan.shared.RuleViolation("relief.amount-invalid");
		}
		goodsValue = goodsValue == null ? BigDecimal.ZERO : goodsValue;
		if (goodsValue.signum() < 0 || goodsValue.stripTrailingZeros().scale() > 2) {
			throw new org.jijinan.shared.RuleViolation("relief.amount-invalid");
		}
		cashAmount = Money.fen(cashAmount);
		goodsValue = Money.fen(goodsValue);
		goods = blankToNull(goods);
		referral = blankToNull(referral);
		billRef = blankToNull(billRef);
		if (cashAmount.signum() == 0 && goods == null && referral == null) {
			throw new InvalidInput("relief.nothing-proposed");
		}
		if (goodsValue.signum() > 0 && goods == null) {
			throw new InvalidInput("relief.goods-required");
		}
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
