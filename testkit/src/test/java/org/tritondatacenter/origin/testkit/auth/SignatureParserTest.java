package org.tritondatacenter.origin.testkit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parser's exact behaviour, checked without HTTP where the wire cannot show it. */
class SignatureParserTest {
  private static final String DATE = "Fri, 27 Nov 2026 02:15:57 GMT";
  private static final Instant NOW = Instant.parse("2026-11-27T02:16:00Z");

  private static RequestView request(String method, String target, Map<String, String> headers) {
    Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    return new RequestView() {
      @Override
      public String method() {
        return method;
      }

      @Override
      public String pathAndQuery() {
        return target;
      }

      @Override
      public String header(String name) {
        return h.get(name);
      }
    };
  }

  private static ParsedSignature parse(String authorization, ParserProfile profile) {
    return SignatureParser.parse(
        request(
            "GET",
            "/alice/machines?limit=1000&offset=0",
            Map.of("Authorization", authorization, "Date", DATE)),
        profile,
        NOW);
  }

  @Test
  void requestTargetAndDate_buildTheStringNodeTritonSigns() {
    ParsedSignature sig =
        parse(
            "Signature keyId=\"/alice/keys/aa\",algorithm=\"rsa-sha256\","
                + "headers=\"(request-target) date\",signature=\"c2ln\"",
            ParserProfile.CLOUDAPI);

    assertThat(sig.signingString())
        .isEqualTo("(request-target): get /alice/machines?limit=1000&offset=0\ndate: " + DATE);
    assertThat(sig.keyId()).isEqualTo("/alice/keys/aa");
  }

  @Test
  void noHeadersParam_signsDateOnly() {
    ParsedSignature sig =
        parse(
            "Signature keyId=\"alice\",algorithm=\"RSA-SHA256\",signature=\"c2ln\"",
            ParserProfile.IMGAPI);

    assertThat(sig.signingString()).isEqualTo("date: " + DATE);
    assertThat(sig.algorithm()).isEqualTo("rsa-sha256");
    assertThat(sig.upperAlgorithm()).isEqualTo("RSA-SHA256");
  }

  @Test
  void requestLine_hasNoNamePrefix() {
    ParsedSignature sig =
        parse(
            "Signature keyId=\"k\",algorithm=\"rsa-sha256\",headers=\"request-line date\","
                + "signature=\"c2ln\"",
            ParserProfile.MANTA);

    assertThat(sig.signingString())
        .isEqualTo("GET /alice/machines?limit=1000&offset=0 HTTP/1.1\ndate: " + DATE);
  }

  @Test
  void xDate_becomesTheDefaultAndRequiredHeader() {
    ParsedSignature sig =
        SignatureParser.parse(
            request(
                "GET",
                "/",
                Map.of(
                    "Authorization",
                    "Signature keyId=\"k\",algorithm=\"rsa-sha1\",signature=\"c2ln\"",
                    "x-date",
                    DATE)),
            ParserProfile.MANTA,
            NOW);

    assertThat(sig.signingString()).isEqualTo("x-date: " + DATE);
  }

  @Test
  void trailingComma_isAccepted() {
    assertThat(
            parse(
                    "Signature keyId=\"k\",algorithm=\"rsa-sha1\",signature=\"c2ln\",",
                    ParserProfile.MANTA)
                .signature())
        .isEqualTo("c2ln");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Signature keyId=\"k\", algorithm=\"rsa-sha1\",signature=\"s\"|bad param format",
        "Signature key_id=\"k\",algorithm=\"rsa-sha1\",signature=\"s\"|bad param format",
        "Signature keyId=k,algorithm=\"rsa-sha1\",signature=\"s\"|bad param format",
        "Signature =\"k\"|bad param format",
        "Signature  keyId=\"k\"|bad param format",
        "Signature keyId=\"k\",algorithm=\"rsa-sha1\",signature=\"s|signature was not specified",
        "Signature algorithm=\"rsa-sha1\",signature=\"s\"|keyId was not specified",
        "Signature keyId=\"\",algorithm=\"rsa-sha1\",signature=\"s\"|keyId was not specified",
        "Signature keyId=\"k\",signature=\"s\"|algorithm was not specified",
        "Signatures keyId=\"k\",algorithm=\"rsa-sha1\",signature=\"s\"|scheme was not \"Signature\"",
        "Signature keyId=\"k\",algorithm=\"rsa\",signature=\"s\"|rsa is not supported",
        "Signature keyId=\"k\",algorithm=\"rsa-sha1\",headers=\"date host\",signature=\"s\""
            + "|host was not in the request",
        "Signature keyId=\"k\",algorithm=\"rsa-sha1\",headers=\"date  x\",signature=\"s\""
            + "|' was not in the request'",
      })
  void malformedHeader_isRefusedWithTheParsersMessage(String authorization, String message) {
    assertThatThrownBy(() -> parse(authorization, ParserProfile.MANTA))
        .isInstanceOf(SignatureFormatException.class)
        .hasMessage(message);
  }

  @Test
  void skew_isReportedInSecondsLikeJavaScript() {
    RequestView r =
        request(
            "GET",
            "/",
            Map.of(
                "Authorization",
                "Signature keyId=\"k\",algorithm=\"rsa-sha1\",signature=\"s\"",
                "Date",
                "Fri, 27 Nov 2026 02:10:59 GMT"));

    assertThatThrownBy(() -> SignatureParser.parse(r, ParserProfile.MANTA, NOW))
        .hasMessage("clock skew of 301s was greater than 300s");
  }

  @Test
  void unparseableDate_isRefused() {
    RequestView r =
        request(
            "GET",
            "/",
            Map.of(
                "Authorization",
                "Signature keyId=\"k\",algorithm=\"rsa-sha1\",signature=\"s\"",
                "Date",
                "yesterday"));

    assertThatThrownBy(() -> SignatureParser.parse(r, ParserProfile.CLOUDAPI, NOW))
        .hasMessage("date header is not a valid HTTP date");
  }

  @Test
  void missingDate_isNotInTheRequest() {
    RequestView r =
        request(
            "GET",
            "/",
            Map.of(
                "Authorization", "Signature keyId=\"k\",algorithm=\"rsa-sha1\",signature=\"s\""));

    assertThatThrownBy(() -> SignatureParser.parse(r, ParserProfile.CLOUDAPI, NOW))
        .hasMessage("date was not in the request");
  }

  @Test
  void unpaddedDayOfMonth_asJavaWritesIt_isAccepted() {
    assertThat(HttpDates.parse("Tue, 8 Jan 2013 01:07:25 GMT"))
        .isEqualTo(Instant.parse("2013-01-08T01:07:25Z"));
  }

  @Test
  void toString_neverShowsTheSignature() {
    ParsedSignature sig =
        parse(
            "Signature keyId=\"k\",algorithm=\"rsa-sha1\",signature=\"c2VjcmV0LXNpZw==\"",
            ParserProfile.MANTA);

    assertThat(sig.toString()).doesNotContain("c2VjcmV0LXNpZw==");
  }
}
