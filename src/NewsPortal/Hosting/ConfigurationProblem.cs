namespace NewsPortal.Hosting;

/// <summary>A setting the portal cannot use; the message names the key, the value and what it expects.</summary>
public sealed class ConfigurationProblem(string message, Exception? inner = null) : Exception(message, inner);
