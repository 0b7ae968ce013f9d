/**
 * Tests of the standalone mode as a user runs it: {@code Main} in a child JVM started from the test
 * classpath, its standard output parsed as export lines, its options, TLS and SIGTERM. {@link
 * org.tritondatacenter.origin.testkit.standalone.StandaloneProcess} is also what the real-clients
 * test starts.
 */
package org.tritondatacenter.origin.testkit.standalone;
