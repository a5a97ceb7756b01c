/**
 * Value types every module uses (division codes, the deployment mode), the problem types every error is expressed
 * in, and the single translation of errors into RFC 9457 Problem Details. Holds no business rules and no state.
 */
@NullMarked
package org.jijinan.shared;

import org.jspecify.annotations.NullMarked;
