using Xunit.Abstractions;
using Xunit.Sdk;

namespace MiracleCell.Testing;

/// <summary>Discovers <see cref="SuiteFactAttribute"/> tests as <see cref="SuiteTestCase"/>s.</summary>
public sealed class SuiteFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        new SuiteTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
}
