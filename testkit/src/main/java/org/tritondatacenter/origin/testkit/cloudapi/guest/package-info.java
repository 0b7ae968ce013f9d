/**
 * The simulated guest: a small model that reads a build's user-script line by line, simulates the
 * pkgin and audit commands it recognises against a configurable catalogue, and reports through
 * customer metadata with {@code mdata-put}, as the guest status protocol defines. Tests steer it
 * with {@link org.tritondatacenter.origin.testkit.cloudapi.guest.GuestControl}.
 */
package org.tritondatacenter.origin.testkit.cloudapi.guest;
