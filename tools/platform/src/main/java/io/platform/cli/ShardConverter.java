package io.platform.cli;

import io.platform.select.Shard;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --shard K/N}, refused on the command line (exit 64) when it names no share. */
final class ShardConverter implements ITypeConverter<Shard> {
  @Override
  public Shard convert(String value) {
    try {
      return Shard.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
