namespace Jianfu.Platform.Errors;

/// <summary>A command-line command cannot run as asked (a missing option, a refused input): its message goes to the operator.</summary>
public sealed class CommandException(string message) : Exception(message);
