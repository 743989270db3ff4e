package io.platform.testkit;

import io.platform.emulator.AwsEndpoint;
import io.platform.emulator.Emulator;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives a test class one running emulator, started before its first test and stopped (by PID) after
 * its last. Test methods and constructors receive it as an {@link Emulator} or {@link AwsEndpoint}
 * parameter. Annotate a class or method with {@link ResetEmulator} to start each test from an empty
 * account.
 */
public final class EmulatorExtension
    implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(EmulatorExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    emulator(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    boolean reset =
        annotated(context.getElement())
            || context.getTestClass().map(c -> annotated(Optional.of(c))).orElse(false);
    if (reset) {
      emulator(context).reset();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Emulator.class || type == AwsEndpoint.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Emulator emulator = emulator(context);
    return parameter.getParameter().getType() == Emulator.class ? emulator : emulator.endpoint();
  }

  /** The class-level emulator; the store closes it when the class is done. */
  private static Emulator emulator(ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("emulator", key -> new Running(Emulators.start()), Running.class)
        .emulator();
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  private static boolean annotated(Optional<? extends AnnotatedElement> element) {
    return element.map(e -> AnnotationSupport.isAnnotated(e, ResetEmulator.class)).orElse(false);
  }

  /** Wraps the emulator so that JUnit closes it with the class's store. */
  private record Running(Emulator emulator) implements AutoCloseable {
    @Override
    public void close() {
      emulator.close();
    }
  }
}
