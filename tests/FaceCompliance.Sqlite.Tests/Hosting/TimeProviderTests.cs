using System;
using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Tests.Shared.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FaceCompliance.Sqlite.Tests.Hosting;

/// <summary>
/// The store registered by <c>AddFaceCompliance</c> takes its clock from the container's <see cref="TimeProvider"/>:
/// with <c>FakeTimeProvider</c> (Microsoft.Extensions.TimeProvider.Testing) the tests move time to expiry and past
/// retention without waiting.
/// </summary>
public sealed class TimeProviderTests : StoreHostTests<TestHost>
{
    [Fact]
    public async Task A_consent_expires_when_the_containers_clock_passes_its_validity()
    {
        var services = await Test.StartAsync();
        var consents = services.GetRequiredService<IConsentRegistry>();
        var receipt = consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult, ValidFor = TimeSpan.FromDays(2) });
        Assert.Equal(Test.Clock.GetUtcNow(), receipt.GivenAt);

        Test.Clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromSeconds(1));
        Assert.Null(consents.Check(receipt));
        Test.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(ConsentRejection.Expired, consents.Check(receipt));
    }

    [Fact]
    public async Task Templates_are_purged_when_the_containers_clock_passes_their_retention()
    {
        var services = await Test.StartAsync();
        var consents = services.GetRequiredService<IConsentRegistry>();
        var templates = services.GetRequiredService<IFaceTemplateStore>();
        templates.Enroll(consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult }), TestStore.Template(1));

        Test.Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, templates.PurgeExpired());
        Test.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, templates.PurgeExpired());

        var purge = services.GetRequiredService<IAuditTrail>().Query(new AuditQuery { Action = AuditAction.Purged }).Single();
        Assert.Equal(Test.Clock.GetUtcNow(), purge.Time);
    }
}
