package org.tritondatacenter.origin.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns off {@link LocalTritonExtension}'s leak check for a test method (or every test of a class),
 * for a test that leaves resources behind on purpose, usually to assert on the leak report itself.
 *
 * <pre>{@code
 * @Test
 * @ExpectLeaks("the crashed build's machine must show up in the report")
 * void build_guestCrashes_reportsTheMachine() { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ExpectLeaks {
  /** Says why the leak is expected. */
  String value() default "";
}
