/**
 * Test support shared by the operations' tests: a local Triton seeded for two origin images, the
 * clients and step environment that talk to it, a build made by driving its CloudAPI directly, and
 * a simulated crash.
 */
package org.tritondatacenter.origin.operations;
