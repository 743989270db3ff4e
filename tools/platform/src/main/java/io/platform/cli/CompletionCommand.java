package io.platform.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code platform completion}: the shell completion script picocli generates from the commands. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the shell completion script of every command and option.",
      "In bash: source <(scripts/platform completion bash); in zsh the same after"
          + " autoload -U +X bashcompinit && bashcompinit. It completes scripts/platform too."
    })
final class CompletionCommand extends PlatformSubcommand {
  @Parameters(
      index = "0",
      paramLabel = "<shell>",
      defaultValue = "bash",
      description = "bash or zsh (default: bash).")
  String shell;

  @Override
  protected int execute() {
    if (!shell.equals("bash") && !shell.equals("zsh")) {
      throw new ParameterException(
          spec.commandLine(), "the shell must be bash or zsh, not " + shell);
    }
    // One script serves both: zsh runs bash completion functions through bashcompinit.
    out().print(AutoComplete.bash("platform", spec.root().commandLine()));
    out().flush();
    return 0;
  }
}
