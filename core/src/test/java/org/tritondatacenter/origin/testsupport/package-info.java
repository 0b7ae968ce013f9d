/**
 * Test support shared by every test of core and of the modules that use core's test jar: the
 * suite-wide secret guard that JUnit registers by itself, and the fixture secrets it guards.
 *
 * <p>Nothing here is part of the product; it makes sure the product never prints a secret.
 */
package org.tritondatacenter.origin.testsupport;
