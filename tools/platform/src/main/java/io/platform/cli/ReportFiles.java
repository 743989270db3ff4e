package io.platform.cli;

import io.platform.verify.VerifyReport;
import io.platform.verify.report.JsonReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The files the commands are given to read, with the same clear errors for each. */
final class ReportFiles {
  private ReportFiles() {}

  /** A text file; one that does not exist says so. */
  static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + " does not exist");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** A JSON report written by {@code verify --json}; anything else is refused, naming the file. */
  static VerifyReport report(Path file) {
    String json = text(file);
    try {
      return JsonReport.read(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }
}
