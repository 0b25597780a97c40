using WaOnboard.Api;

ApiHost.Build(args).Run();
