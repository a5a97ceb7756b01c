package org.jijinan;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;

/**
 * Cross-cutting persistence set-up: every module's typed-ID converters and the one {@link Clock}.
 */
@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

	/** The county's time zone: deadlines and "today" are computed in it. */
	static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");

	@Bean
	JdbcCustomConversions jdbcCustomConversions(List<Converter<?, ?>> converters) {
		return new JdbcCustomConversions(converters.stream().filter(PersistenceConfiguration::isMappingConverter).toList());
	}

	@Bean
	Clock clock() {
		return Clock.system(COUNTY_ZONE);
	}

	private static boolean isMappingConverter(Converter<?, ?> converter) {
		return AnnotationUtils.findAnnotation(converter.getClass(), ReadingConverter.class) != null
				|| AnnotationUtils.findAnnotation(converter.getClass(), WritingConverter.class) != null;
	}

}
