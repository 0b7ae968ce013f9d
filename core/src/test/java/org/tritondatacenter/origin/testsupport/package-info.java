/**
 * Test support shared by every test of core and of the modules that use core's test jar (cli,
 * bench, pipelines): the suite-wide secret guard that JUnit registers by itself, the fixture
 * secrets it guards, how it learns the signatures sent to MockWebServers, and {@link
 * org.tritondatacenter.origin.testsupport.Caught} for exceptions a test catches.
 *
 * <p>Nothing here is part of the product; it makes sure the product never prints a secret.
 */
package org.tritondatacenter.origin.testsupport;
