package org.jijinan.services;

/**
 * The six kinds of service social workers give besides material aid.
 */
public enum ServiceType {

	/** 生活帮扶. */
	LIFE_SUPPORT,
	/** 心理疏导. */
	PSYCHOLOGICAL_COUNSELLING,
	/** 精神慰藉. */
	EMOTIONAL_COMFORT,
	/** 资源链接. */
	RESOURCE_LINKING,
	/** 能力提升. */
	CAPACITY_BUILDING,
	/** 社会融入. */
	SOCIAL_INTEGRATION

}
