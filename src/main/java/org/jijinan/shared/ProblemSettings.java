package org.jijinan.shared;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param baseUri where the documentation page of each problem code lives; the code is appended
 */
@ConfigurationProperties("jijinan.problems")
record ProblemSettings(@DefaultValue("https://jijinan.example/problems/") URI baseUri) {
}
