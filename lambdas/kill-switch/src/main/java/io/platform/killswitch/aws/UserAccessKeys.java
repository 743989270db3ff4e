package io.platform.killswitch.aws;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.ListAccessKeysResponse;

/**
 * Every access key of a user, page by page. A loop rather than the SDK's paginator: the paginator
 * keeps most of the IAM model in the shrunk jar, over a quarter of its size.
 */
public final class UserAccessKeys {
  private UserAccessKeys() {}

  /**
   * @throws software.amazon.awssdk.services.iam.model.NoSuchEntityException when the user does not
   *     exist
   */
  public static List<AccessKeyMetadata> list(IamClient iam, String username) {
    List<AccessKeyMetadata> keys = new ArrayList<>();
    String marker = null;
    do {
      String page = marker;
      ListAccessKeysResponse listed = iam.listAccessKeys(b -> b.userName(username).marker(page));
      keys.addAll(listed.accessKeyMetadata());
      marker = Boolean.TRUE.equals(listed.isTruncated()) ? listed.marker() : null;
    } while (marker != null);
    return keys;
  }
}
