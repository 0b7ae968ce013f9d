package org.tritondatacenter.origin.preflight;

import java.util.List;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.cloudapi.Package;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.imgapi.Ping;

/** One cheap signed call per service, so a bad key or account fails before anything is made. */
final class Credentials {
  private Credentials() {}

  /**
   * Lists the account's packages, which the build needs anyway and which proves that CloudAPI
   * accepts the signature. Returns null after adding a problem.
   */
  static List<Package> cloudApi(CloudApiClient cloudApi, List<String> problems) {
    String where = "CloudAPI " + cloudApi.endpoint().baseUrl();
    try {
      return cloudApi.listPackages();
    } catch (TritonApiException e) {
      if (e.httpStatus() == 401 || e.httpStatus() == 403) {
        problems.add(
            where
                + " refused the credentials of account '"
                + cloudApi.login()
                + "' ("
                + e.getMessage()
                + "); check the account name and that the key is added to it (triton key list)");
      } else {
        problems.add(where + " could not list packages: " + e.getMessage());
      }
    } catch (TritonException e) {
      problems.add(where + " could not be reached: " + e.getMessage());
    }
    return null;
  }

  /**
   * Pings IMGAPI signed, which proves the server accepts the signature: only then does the answer
   * name the user. Returns false after adding a problem; an anonymous client is not checked.
   */
  static boolean imgapi(ImgapiClient imgapi, List<String> problems) {
    if (imgapi.endpoint().isAnonymous()) {
      return true;
    }
    String where = "IMGAPI " + imgapi.endpoint().baseUrl();
    try {
      Ping ping = imgapi.ping();
      if (!ping.authenticated()) {
        problems.add(
            where
                + " answered a signed ping without naming the user '"
                + imgapi.endpoint().login()
                + "', so it did not check the signature; check the endpoint URL");
        return false;
      }
      return true;
    } catch (TritonApiException e) {
      if (e.httpStatus() == 401 || e.httpStatus() == 403) {
        problems.add(
            where
                + " refused the credentials of user '"
                + imgapi.endpoint().login()
                + "' ("
                + e.getMessage()
                + "); check the user name and that the server knows its key");
      } else {
        problems.add(where + " did not answer ping: " + e.getMessage());
      }
    } catch (TritonException e) {
      problems.add(where + " could not be reached: " + e.getMessage());
    }
    return false;
  }
}
