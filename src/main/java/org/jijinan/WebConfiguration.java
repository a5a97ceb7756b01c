package org.jijinan;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese first, English on request: {@code ?lang=en} switches and a cookie remembers the choice; public pages speak
 * Tibetan too ({@code ?lang=bo}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Bean
	MessageSource messageSource() {
		var messages = new Languages.Messages();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	@Bean
	LocaleResolver localeResolver() {
		var resolver = new Languages.Resolver();
		resolver.setDefaultLocaleFunction(WebConfiguration::defaultLocale);
		return resolver;
	}

	/**
	 * Pages are Chinese unless the reader switches; API clients get English when they ask for it first.
	 */
	static Locale defaultLocale(HttpServletRequest request) {
		boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		if (api && request.getHeader("Accept-Language") != null && "en".equals(request.getLocale().getLanguage())) {
			return Locale.ENGLISH;
		}
		return Locale.SIMPLIFIED_CHINESE;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
	}

}
