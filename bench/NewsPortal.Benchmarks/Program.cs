using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/NewsPortal.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
