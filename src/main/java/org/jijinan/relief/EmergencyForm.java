package org.jijinan.relief;

import java.util.ArrayList;
import java.util.List;

import org.jijinan.shared.FormNumbers;
import org.jspecify.annotations.Nullable;

/**
 * The emergency aid form (先行救助) of a case's relief page as typed, so a refused form comes back as it was: the
 * cause, the cash, the situation and rows of goods chosen from the township's stock with their quantities.
 */
public class EmergencyForm {

	/** How many rows of goods the form offers. */
	static final int GOODS_ROWS = 2;

	private @Nullable String cause;

	private @Nullable String amount;

	private @Nullable String situation;

	private List<String> goodsItem = new ArrayList<>();

	private List<String> goodsQuantity = new ArrayList<>();

	EmergencyAid.Request toRequest() {
		List<GoodsStock.Issue> items = new ArrayList<>();
		for (int row = 0; row < goodsItem.size(); row++) {
			if (!item(row).isBlank()) {
				items.add(new GoodsStock.Issue(item(row),
						FormNumbers.count(quantity(row), "relief.goods-quantity-invalid")));
			}
		}
		return new EmergencyAid.Request(cause, FormNumbers.amount(amount, "relief.amount-invalid"), null, situation,
				items);
	}

	/**
	 * @return the field a problem belongs beside
	 */
	static String fieldOf(String code) {
		if (code.startsWith("relief.goods-")) {
			return "goods";
		}
		return switch (code) {
			case "relief.amount-invalid", "relief.over-emergency-limit", "relief.reserve-insufficient" -> "amount";
			case "relief.situation-required" -> "situation";
			case "relief.cause-not-in-case" -> "cause";
			default -> "";
		};
	}

	/**
	 * @return the rows of goods the form shows, numbered from 0
	 */
	public List<Integer> rows() {
		return java.util.stream.IntStream.range(0, GOODS_ROWS).boxed().toList();
	}

	/**
	 * @return the stock item chosen in a row, or blank
	 */
	public String item(int row) {
		return row < goodsItem.size() && goodsItem.get(row) != null ? goodsItem.get(row) : "";
	}

	/**
	 * @return the quantity typed in a row, or blank
	 */
	public String quantity(int row) {
		return row < goodsQuantity.size() && goodsQuantity.get(row) != null ? goodsQuantity.get(row) : "";
	}

	public @Nullable String getCause() {
		return cause;
	}

	public void setCause(@Nullable String cause) {
		this.cause = cause;
	}

	public @Nullable String getAmount() {
		return amount;
	}

	public void setAmount(@Nullable String amount) {
		this.amount = amount;
	}

	public @Nullable String getSituation() {
		return situation;
	}

	public void setSituation(@Nullable String situation) {
		this.situation = situation;
	}

	public List<String> getGoodsItem() {
		return goodsItem;
	}

	public void setGoodsItem(List<String> goodsItem) {
		this.goodsItem = goodsItem;
	}

	public List<String> getGoodsQuantity() {
		return goodsQuantity;
	}

	public void setGoodsQuantity(List<String> goodsQuantity) {
		this.goodsQuantity = goodsQuantity;
	}

}
