package io.platform.migrate.address;

import java.util.Objects;

/**
 * The key of one instance of a resource or module that uses {@code count} (a number) or {@code
 * for_each} (a string). {@code [0]} and {@code ["0"]} are different keys.
 */
public sealed interface InstanceKey permits InstanceKey.IntKey, InstanceKey.StringKey {

  /** The key as Terraform prints it inside an address, brackets included. */
  String render();

  static InstanceKey of(long index) {
    return new IntKey(index);
  }

  static InstanceKey of(String key) {
    return new StringKey(key);
  }

  /** A {@code count} index. */
  record IntKey(long index) implements InstanceKey {
    public IntKey {
      if (index < 0) {
        throw new IllegalArgumentException("a count index cannot be negative: " + index);
      }
    }

    @Override
    public String render() {
      return "[" + index + "]";
    }
  }

  /** A {@code for_each} key, any string. */
  record StringKey(String key) implements InstanceKey {
    public StringKey {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public String render() {
      return "[" + HclString.quote(key) + "]";
    }
  }
}
