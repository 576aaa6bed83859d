using System.ComponentModel;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace MiracleCell.Testing;

/// <summary>
/// A test case whose skip reason also looks at the concrete class running it (which, for a test inherited from an
/// abstract suite, is the derived class, not the one that declares the method).
/// </summary>
public sealed class SuiteTestCase : XunitTestCase
{
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SuiteTestCase()
    {
    }

    public SuiteTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay methodDisplay,
        TestMethodDisplayOptions methodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, methodDisplay, methodDisplayOptions, testMethod)
    {
    }

    protected override string? GetSkipReason(IAttributeInfo factAttribute)
    {
        if (base.GetSkipReason(factAttribute) is { } declared) return declared;
        var needsPostgreSql = TestMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgreSqlAttribute)).Any();
        return needsPostgreSql ? RequiresPostgreSqlAttribute.UnmetReason : null;
    }
}
