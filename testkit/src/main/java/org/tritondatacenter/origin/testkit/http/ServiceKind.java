package org.tritondatacenter.origin.testkit.http;

/** The kinds of service the local Triton simulates. Several IMGAPI instances may run at once. */
public enum ServiceKind {
  CLOUDAPI,
  MANTA,
  IMGAPI
}
