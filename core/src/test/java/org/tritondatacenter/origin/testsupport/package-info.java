/**
 * Test support shared by every test of core and of the modules that use core's test jar (cli,
 * bench, pipelines): the suite-wide secret guard that JUnit registers by itself, the fixture
 * secrets it guards, how it learns the signatures sent to MockWebServers, {@link
 * org.tritondatacenter.origin.testsupport.Caught} for exceptions a test catches, and {@link
 * InterruptibleWorker} for the tests that interrupt a call midway.
 *
 * <p>Nothing here is part of the product; it only helps the tests check it.
 */
package org.tritondatacenter.origin.testsupport;
