package io.platform.migrate.address;

import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser for the address forms a state holds, following Terraform's traversal
 * grammar:
 *
 * <pre>
 * resource-instance := module-path? resource key?
 * module-path       := ( "module" "." IDENT key? "." )*
 * resource          := ( "data" "." )? IDENT "." IDENT
 * key               := "[" ( DIGITS | QUOTED ) "]"
 * provider          := config-path? "provider" "[" QUOTED "]" ( "." IDENT )?
 * pattern           := "" | ( "module" "." ( IDENT | "*" ) key? ) ( "." "module" "." ... )*
 * </pre>
 *
 * IDENT is an HCL identifier (letters, digits, {@code _} and {@code -}, not starting with a digit
 * or {@code -}); QUOTED is an HCL quoted string with its escapes. Each method parses the whole text
 * or throws {@link AddressSyntaxException}.
 */
public final class AddressParser {
  private final String text;
  private int pos;

  private AddressParser(String text) {
    this.text = text;
  }

  public static ModuleInstance moduleInstance(String text) {
    AddressParser p = new AddressParser(text);
    if (text.isEmpty()) {
      return ModuleInstance.ROOT;
    }
    List<ModuleStep> steps = new ArrayList<>();
    do {
      steps.add(p.moduleStep(true));
    } while (p.accept('.'));
    p.end();
    return new ModuleInstance(steps);
  }

  public static ResourceInstanceAddress resourceInstance(String text) {
    AddressParser p = new AddressParser(text);
    ResourceAddress resource = p.resource(true);
    InstanceKey key = p.optionalKey();
    p.end();
    return resource.instance(key);
  }

  /** A resource without instance key, e.g. {@code module.a[0].aws_x.y}. */
  public static ResourceAddress resource(String text) {
    AddressParser p = new AddressParser(text);
    ResourceAddress resource = p.resource(true);
    p.end();
    return resource;
  }

  /** A dependency as a state instance records it: no instance keys anywhere. */
  public static ConfigResource configResource(String text) {
    AddressParser p = new AddressParser(text);
    ResourceAddress resource = p.resource(false);
    p.end();
    return new ConfigResource(
        resource.module().configPath(), resource.mode(), resource.type(), resource.name());
  }

  public static ProviderConfig providerConfig(String text) {
    AddressParser p = new AddressParser(text);
    List<String> modules = new ArrayList<>();
    while (p.lookingAtKeyword("module")) {
      p.keyword("module");
      p.expect('.');
      modules.add(p.identifier());
      p.expect('.');
    }
    p.keyword("provider");
    p.expect('[');
    String source = p.quoted();
    p.expect(']');
    String alias = p.accept('.') ? p.identifier() : null;
    p.end();
    return new ProviderConfig(new ModulePath(modules), source, alias);
  }

  /** A prefix; the empty text is the root module. */
  public static ModulePattern pattern(String text) {
    AddressParser p = new AddressParser(text);
    List<ModulePattern.Step> steps = new ArrayList<>();
    if (text.isEmpty()) {
      return new ModulePattern(steps);
    }
    do {
      p.keyword("module");
      p.expect('.');
      String name = p.accept('*') ? "*" : p.identifier();
      steps.add(new ModulePattern.Step(name, p.optionalKey()));
    } while (p.accept('.'));
    p.end();
    return new ModulePattern(steps);
  }

  /**
   * A module instance or a resource in one, as an exclusion names them: {@code module.legacy} or
   * {@code module.a.aws_s3_bucket.logs}.
   *
   * @return the resource, or null when the text names a module (then see {@code module})
   */
  public static Target target(String text) {
    AddressParser p = new AddressParser(text);
    List<ModuleStep> steps = new ArrayList<>();
    while (p.lookingAtKeyword("module")) {
      steps.add(p.moduleStep(true));
      if (p.atEnd()) {
        return new Target(new ModuleInstance(steps), null);
      }
      p.expect('.');
    }
    ResourceAddress local = p.localResource();
    p.end();
    return new Target(new ModuleInstance(steps), local.inModule(new ModuleInstance(steps)));
  }

  /**
   * A module or resource named by an exclusion.
   *
   * @param resource null when the whole module instance is meant
   */
  public record Target(ModuleInstance module, ResourceAddress resource) {}

  // --- grammar ---

  private ResourceAddress resource(boolean keysAllowed) {
    List<ModuleStep> steps = new ArrayList<>();
    while (lookingAtKeyword("module")) {
      steps.add(moduleStep(keysAllowed));
      expect('.');
    }
    return localResource().inModule(new ModuleInstance(steps));
  }

  /** {@code module.NAME} and, where allowed, its instance key. */
  private ModuleStep moduleStep(boolean keysAllowed) {
    keyword("module");
    expect('.');
    String name = identifier();
    if (!keysAllowed && peek() == '[') {
      throw error("a dependency names module calls without instance keys");
    }
    return new ModuleStep(name, optionalKey());
  }

  private ResourceAddress localResource() {
    ResourceMode mode = ResourceMode.MANAGED;
    int start = pos;
    String first = identifier();
    if (first.equals("data") && peek() == '.') {
      mode = ResourceMode.DATA;
      expect('.');
      start = pos;
      first = identifier();
    }
    if (first.equals("module") || first.equals("provider")) {
      pos = start;
      throw error("expected a resource type, found the keyword \"" + first + "\"");
    }
    expect('.');
    String name = identifier();
    return new ResourceAddress(ModuleInstance.ROOT, mode, first, name);
  }

  private InstanceKey optionalKey() {
    if (peek() != '[') {
      return null;
    }
    expect('[');
    InstanceKey key;
    if (peek() == '"') {
      key = InstanceKey.of(quoted());
    } else if (peek() >= '0' && peek() <= '9') {
      int start = pos;
      while (peek() >= '0' && peek() <= '9') {
        pos++;
      }
      try {
        key = InstanceKey.of(Long.parseLong(text.substring(start, pos)));
      } catch (NumberFormatException e) {
        pos = start;
        throw error("index out of range");
      }
    } else {
      throw error("expected a number or a quoted string as instance key");
    }
    expect(']');
    return key;
  }

  /** An HCL quoted string with Terraform's escapes; template sequences are not allowed. */
  private String quoted() {
    expect('"');
    StringBuilder value = new StringBuilder();
    while (true) {
      if (atEnd()) {
        throw error("unterminated quoted string");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return value.toString();
      }
      if (c == '\\') {
        value.appendCodePoint(escape());
        continue;
      }
      if ((c == '$' || c == '%') && pos + 1 < text.length()) {
        char after = text.charAt(pos + 1);
        if (after == c && pos + 2 < text.length() && text.charAt(pos + 2) == '{') {
          value.append(c).append('{');
          pos += 3;
          continue;
        }
        if (after == '{') {
          throw error("template sequences are not allowed in an instance key");
        }
      }
      if (c == '\n' || c == '\r') {
        throw error("a quoted string cannot span lines");
      }
      value.append(c);
      pos++;
    }
  }

  private int escape() {
    int start = pos;
    pos++;
    if (atEnd()) {
      throw error("unterminated escape sequence");
    }
    char c = text.charAt(pos++);
    return switch (c) {
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case '"' -> '"';
      case '\\' -> '\\';
      case 'u' -> hex(start, 4);
      case 'U' -> hex(start, 8);
      default -> {
        pos = start;
        throw error("unknown escape sequence \\" + c);
      }
    };
  }

  private int hex(int start, int digits) {
    if (pos + digits > text.length()) {
      pos = start;
      throw error("incomplete unicode escape");
    }
    String hex = text.substring(pos, pos + digits);
    int value;
    try {
      value = Integer.parseUnsignedInt(hex, 16);
    } catch (NumberFormatException e) {
      pos = start;
      throw error("invalid unicode escape");
    }
    if (!Character.isValidCodePoint(value)) {
      pos = start;
      throw error("invalid unicode escape");
    }
    pos += digits;
    return value;
  }

  private String identifier() {
    int start = pos;
    if (atEnd() || !identifierStart(text.codePointAt(pos))) {
      throw error(atEnd() ? "unexpected end, expected a name" : "expected a name");
    }
    pos += Character.charCount(text.codePointAt(pos));
    while (!atEnd() && identifierPart(text.codePointAt(pos))) {
      pos += Character.charCount(text.codePointAt(pos));
    }
    return text.substring(start, pos);
  }

  private static boolean identifierStart(int c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean identifierPart(int c) {
    return Character.isLetterOrDigit(c)
        || c == '_'
        || c == '-'
        || Character.getType(c) == Character.NON_SPACING_MARK;
  }

  private boolean lookingAtKeyword(String word) {
    return text.startsWith(word + ".", pos);
  }

  private void keyword(String word) {
    int start = pos;
    if (!text.startsWith(word, pos)) {
      throw error("expected \"" + word + "\"");
    }
    pos += word.length();
    if (!atEnd() && identifierPart(text.codePointAt(pos))) {
      pos = start;
      throw error("expected \"" + word + "\"");
    }
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error(atEnd() ? "unexpected end, expected '" + c + "'" : "expected '" + c + "'");
    }
    pos++;
  }

  private boolean accept(char c) {
    if (peek() == c) {
      pos++;
      return true;
    }
    return false;
  }

  private char peek() {
    return atEnd() ? '\0' : text.charAt(pos);
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private void end() {
    if (!atEnd()) {
      throw error("unexpected '" + text.charAt(pos) + "'");
    }
  }

  private AddressSyntaxException error(String problem) {
    return new AddressSyntaxException(text, pos, problem);
  }
}
