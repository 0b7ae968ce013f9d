package org.tritondatacenter.origin.testkit.http;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Counts response-body bytes into the request log. */
final class CountingOutputStream extends FilterOutputStream {
  private final RequestRecord.Builder record;

  CountingOutputStream(OutputStream out, RequestRecord.Builder record) {
    super(out);
    this.record = record;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    record.addResponseBytes(len);
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    record.addResponseBytes(1);
  }
}
