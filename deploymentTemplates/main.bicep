// CustomerCare on Azure: a Linux App Service (.NET 10) running the bot, an Azure Database for PostgreSQL Flexible
// Server holding the compensation ledger and approvals (signed in to with the bot's managed identity), an Azure Bot
// registration with the Teams, Direct Line and Web Chat channels, Application Insights on a Log Analytics
// workspace, and, on request, an Azure AI Language resource for CLU. main.json is this template compiled by
// `bicep build` (a test compiles it).

targetScope = 'resourceGroup'

// ---------------------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------------------

@description('Name of the Azure Bot resource and prefix of every other resource name. Letters, digits and hyphens, starting with a letter or digit; must be unique across Azure.')
@minLength(4)
@maxLength(42)
param botName string

@description('Region of the App Service plan, web app, monitoring and Language resources. The Azure Bot resource itself is global.')
param location string = resourceGroup().location

@description('How the bot proves its identity to the Bot Framework: SingleTenant (an Entra app registration and a client secret) or UserAssignedMSI (a user-assigned managed identity that this template creates).')
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param appType string = 'SingleTenant'

@description('SingleTenant: the application (client) ID of the Entra app registration. UserAssignedMSI: leave empty; the managed identity\'s client ID is used.')
param microsoftAppId string = ''

@description('Entra tenant of the app registration (SingleTenant). Defaults to the tenant of the deployment.')
param microsoftAppTenantId string = tenant().tenantId

@secure()
@description('SingleTenant: a client secret of the app registration. Leave empty for UserAssignedMSI. Pass it on the command line or as a Key Vault reference, never in a parameter file.')
param microsoftAppPassword string = ''

@description('ID of the Teams channel where the bot posts cases for agents, e.g. 19:abc...@thread.tacv2 (from "Get link to channel").')
param agentChannelId string

@description('Tenant ID of the Teams organisation the agents work in (the tenantId in the channel link).')
param teamsTenantId string = microsoftAppTenantId

@description('Highest amount in EUR an agent may grant without a supervisor\'s approval.')
@minValue(0)
param agentAuthorityLimitEur int = 1000

@description('Highest amount in USD an agent may grant without a supervisor\'s approval.')
@minValue(0)
param agentAuthorityLimitUsd int = 1100

@description('Highest amount in GBP an agent may grant without a supervisor\'s approval.')
@minValue(0)
param agentAuthorityLimitGbp int = 850

@description('Client (application) ID of the Entra ID app registration supervisors and agents sign in with (app roles "Supervisor" and "Agent"; redirect URI https://<web app>/supervisors/signin-oidc). Empty: the supervisors\' pages cannot be signed in to.')
param supervisorSignInClientId string = ''

@description('Client secret of that app registration.')
@secure()
param supervisorSignInClientSecret string = ''

@secure()
@minLength(44)
@description('Key that signs the built-in Direct Line\'s tokens, base64 of at least 32 random bytes (`openssl rand -base64 48`). Kept in the Key Vault, so tokens stay valid across restarts and redeployments; pass the same value on every deployment.')
param directLineTokenSigningKey string

@description('Days a transcript is kept after its last activity (ledger entries stay); 0 keeps them.')
@minValue(0)
param transcriptRetentionDays int = 365

@description('Also create an Azure AI Language resource (kind TextAnalytics) for CLU and put its endpoint into the app settings.')
param deployLanguageResource bool = false

@description('Pricing tier of the Azure AI Language resource: F0 (free, one per subscription) or S (standard).')
@allowed([
  'F0'
  'S'
])
param languageSku string = 'S'

@description('SKU of the Linux App Service plan. B1 is the smallest tier with Always On and WebSockets.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param sku string = 'B1'

@description('Instances of the bot behind the messaging endpoint: at least two, so a restart, redeployment or a lost machine leaves one serving. Every instance shares the PostgreSQL store (B1 allows up to 3, S1 10, P1v3 30).')
@minValue(2)
@maxValue(30)
param instanceCount int = 2

@description('Compute of the PostgreSQL Flexible Server that keeps the ledger, e.g. Standard_B1ms (Burstable) or Standard_D2ds_v5 (GeneralPurpose).')
param postgresSkuName string = 'Standard_B1ms'

@description('Connections per pool and instance; each instance has two pools, so instanceCount × 2 × postgresPoolSize must stay within the server\'s max_connections (about 50 on Standard_B1ms, leaving room for administration).')
@minValue(4)
@maxValue(200)
param postgresPoolSize int = 10

@description('Tier of that compute. High availability needs GeneralPurpose or MemoryOptimized.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresTier string = 'Burstable'

@description('Zone-redundant high availability: a standby server in another availability zone, failed over to automatically (GeneralPurpose or MemoryOptimized only).')
param postgresHighAvailability bool = false

@description('Storage of the PostgreSQL server in GB; it grows automatically when nearly full.')
@minValue(32)
param postgresStorageGb int = 32

@description('Days of point-in-time restore the PostgreSQL server keeps (7 to 35).')
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 35

@description('Pricing tier of the Azure Bot: F0 (free; standard channels such as Teams are unlimited) or S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Display name of the bot in the Azure portal and in channels.')
param botDisplayName string = 'CustomerCare'

@description('Name of the web app; the bot is reached at https://<defaultHostName>/api/messages.')
@maxLength(60)
param webAppName string = '${botName}-${uniqueString(resourceGroup().id)}'

// ---------------------------------------------------------------------------------------------------------
// Variables
// ---------------------------------------------------------------------------------------------------------

var isMsi = appType == 'UserAssignedMSI'

// The managed identity is the bot's identity in MSI mode and, in either mode, how the bot signs in to PostgreSQL
// and reaches the Language resource without a password or key (Entra ID tokens).
var needsIdentity = true

// Everything the bot keeps lives in PostgreSQL, shared by every instance: the compensation ledger and approvals,
// conversation and user state, cases and Teams installations, transcripts, the supervisors' list, reviews and access
// log, bookings and flight records, and the keys that sign supervisors' cookies. It survives restarts and
// redeployments, so nothing already granted can be granted again. Each instance still opens a LiteDB data file of
// its own, on the container's local disk (NOT the /home share: LiteDB relies on file locks and write ordering that
// network file systems do not honour); in this deployment it holds nothing that must outlive the instance.
var dataPath = '/var/customercare/customercare.db'

// The trained offline NLU models are plain files written once and read back, which a network share handles
// well, and keeping them on /home saves retraining them after every restart.
var modelCachePath = '/home/customercare/nlu'

var postgresDatabaseName = 'customercare'

// Built-in role "Cognitive Services Language Reader": calls the runtime APIs (CLU prediction), no authoring.
var languageReaderRoleId = '7628b7b8-a8b2-4cdc-b46f-e9b35248918e'

// ---------------------------------------------------------------------------------------------------------
// Monitoring
// ---------------------------------------------------------------------------------------------------------

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${botName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${botName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

// ---------------------------------------------------------------------------------------------------------
// Identity and Azure AI Language (optional)
// ---------------------------------------------------------------------------------------------------------

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = if (needsIdentity) {
  name: '${botName}-identity'
  location: location
}

resource language 'Microsoft.CognitiveServices/accounts@2024-10-01' = if (deployLanguageResource) {
  name: '${botName}-language'
  location: location
  kind: 'TextAnalytics'
  sku: {
    name: languageSku
  }
  properties: {
    // A custom subdomain is what makes Entra ID (token) authentication possible.
    customSubDomainName: toLower('${botName}-${uniqueString(resourceGroup().id)}')
    publicNetworkAccess: 'Enabled'
    disableLocalAuth: true
  }
}

resource languageReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (deployLanguageResource) {
  name: guid(language.id, identity.id, languageReaderRoleId)
  scope: language
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', languageReaderRoleId)
    principalId: identity!.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------------------
// PostgreSQL: the ledger and approvals
// ---------------------------------------------------------------------------------------------------------

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: toLower('${botName}-pg-${uniqueString(resourceGroup().id)}')
  location: location
  sku: {
    name: postgresSkuName
    tier: postgresTier
  }
  properties: {
    version: '16'
    storage: {
      storageSizeGB: postgresStorageGb
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: postgresBackupRetentionDays
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: postgresHighAvailability ? 'ZoneRedundant' : 'Disabled'
    }
    // Microsoft Entra ID only: the bot signs in with its managed identity's token, and no password exists.
    authConfig: {
      activeDirectoryAuth: 'Enabled'
      passwordAuth: 'Disabled'
      tenantId: tenant().tenantId
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource postgresDatabase 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: postgresDatabaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// Connections from Azure services (the web app's outbound addresses); TLS is required by the server.
resource postgresFromAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
  dependsOn: [
    postgresDatabase
  ]
}

// The bot's managed identity administers the server: it applies the schema migrations when it starts.
module postgresAdministrator 'modules/postgresAdministrator.bicep' = {
  name: 'postgres-administrator'
  params: {
    serverName: postgres.name
    principalId: identity!.properties.principalId
    principalName: identity!.name
  }
  dependsOn: [
    postgresFromAzure
  ]
}

// ---------------------------------------------------------------------------------------------------------
// Key Vault: the bot's secrets, read by the web app through Key Vault references with its managed identity
// ---------------------------------------------------------------------------------------------------------

// Built-in role "Key Vault Secrets User": reads secret values.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('kv${uniqueString(resourceGroup().id, botName)}', 24)
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource vaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identity!.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource signingKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'DirectLine-TokenSigningKey'
  properties: {
    value: directLineTokenSigningKey
  }
}

resource appPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!isMsi) {
  parent: vault
  name: 'MicrosoftAppPassword'
  properties: {
    value: microsoftAppPassword
  }
}

// The secret of the Azure Bot's Direct Line channel: the page's token endpoint exchanges it for a conversation token,
// and it never reaches a browser.
resource webChatDirectLineSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'WebChat-AzureBotServiceSecret'
  properties: {
    value: directLineChannel.listChannelWithKeys().properties.properties.sites[0].key
  }
}

resource supervisorSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(supervisorSignInClientId)) {
  parent: vault
  name: 'Supervisors-EntraId-ClientSecret'
  properties: {
    value: supervisorSignInClientSecret
  }
}

// ---------------------------------------------------------------------------------------------------------
// App Service
// ---------------------------------------------------------------------------------------------------------

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${botName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: sku
    // Turns of one conversation stay in order across instances (a PostgreSQL advisory lock per conversation), and Web
    // Chat talks to the Azure Bot Service's Direct Line, which any instance serves.
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

var effectiveAppId = isMsi ? identity!.properties.clientId : microsoftAppId
var effectiveTenantId = isMsi ? identity!.properties.tenantId : microsoftAppTenantId

var baseAppSettings = [
  {
    name: 'MicrosoftAppType'
    value: appType
  }
  {
    name: 'MicrosoftAppId'
    value: effectiveAppId
  }
  {
    name: 'MicrosoftAppTenantId'
    value: effectiveTenantId
  }
  {
    // Local disk, not the /home network share: see dataPath above.
    name: 'Storage__DataPath'
    value: dataPath
  }
  {
    name: 'Storage__Provider'
    value: 'PostgreSql'
  }
  {
    // No password: Storage__PostgreSqlAuthentication=EntraId signs in with the managed identity's token.
    name: 'ConnectionStrings__CustomerCare'
    // Each instance opens two pools of this size (turns' work, and turns' locks): instances × 2 × size must stay
    // within the server's max_connections (about 50 on Standard_B1ms; more on larger compute).
    value: 'Host=${postgres.properties.fullyQualifiedDomainName};Database=${postgresDatabaseName};Username=${identity!.name};Ssl Mode=Require;Maximum Pool Size=${postgresPoolSize}'
  }
  {
    name: 'Storage__PostgreSqlAuthentication'
    value: 'EntraId'
  }
  {
    name: 'Storage__ManagedIdentityClientId'
    value: identity!.properties.clientId
  }
  {
    // The demo bookings (public record locators DEMO01–06) never go into production data.
    name: 'DemoData__Enabled'
    value: 'false'
  }
  {
    // Every request passes App Service's front end, which appends the client's address: rate limits count per client.
    name: 'RateLimits__TrustForwardedFor'
    value: 'true'
  }
  {
    name: 'Recognition__ModelCachePath'
    value: modelCachePath
  }
  {
    name: 'Teams__AgentChannelId'
    value: agentChannelId
  }
  {
    name: 'Teams__TenantId'
    value: teamsTenantId
  }
  {
    name: 'Agents__AuthorityLimits__EUR'
    value: string(agentAuthorityLimitEur)
  }
  {
    name: 'Agents__AuthorityLimits__USD'
    value: string(agentAuthorityLimitUsd)
  }
  {
    name: 'Agents__AuthorityLimits__GBP'
    value: string(agentAuthorityLimitGbp)
  }
  {
    // For the "Full transcript" link on hand-off cards.
    name: 'Teams__PublicBaseUrl'
    value: 'https://${webAppName}.azurewebsites.net'
  }
  {
    name: 'Supervisors__EntraId__TenantId'
    value: empty(supervisorSignInClientId) ? '' : microsoftAppTenantId
  }
  {
    name: 'Supervisors__EntraId__ClientId'
    value: supervisorSignInClientId
  }
  {
    name: 'Supervisors__EntraId__ClientSecret'
    value: empty(supervisorSignInClientId) ? '' : '@Microsoft.KeyVault(SecretUri=${supervisorSecret!.properties.secretUri})'
  }
  {
    // Persistent: tokens the page holds stay valid when the bot restarts.
    name: 'DirectLine__TokenSigningKey'
    value: '@Microsoft.KeyVault(SecretUri=${signingKeySecret.properties.secretUri})'
  }
  {
    // Web Chat through the Azure Bot Service's Direct Line: its conversations are the service's, so the page, its
    // WebSocket and the turns may reach different instances.
    name: 'WebChat__DirectLine'
    value: 'AzureBotService'
  }
  {
    name: 'WebChat__AzureBotServiceSecret'
    value: '@Microsoft.KeyVault(SecretUri=${webChatDirectLineSecret.properties.secretUri})'
  }
  {
    name: 'Supervisors__TranscriptRetentionDays'
    value: string(transcriptRetentionDays)
  }
  {
    // The bot exports its own traces, metrics and logs here (OpenTelemetry, see the README's Telemetry section); App
    // Service's codeless agent (ApplicationInsightsAgent_EXTENSION_VERSION) stays off, so nothing arrives twice.
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: insights.properties.ConnectionString
  }
  {
    // Asks App Service not to start the new process before the old one has stopped on a restart.
    name: 'WEBSITE_DISABLE_OVERLAPPED_RECYCLING'
    value: '1'
  }
  {
    // On a one-core plan the runtime waits ten times longer before optimising hot code (and restarts the wait
    // whenever new code runs); under steady traffic that kept the bot on unoptimised code for tens of seconds.
    name: 'DOTNET_TC_DelaySingleProcMultiplier'
    value: '1'
  }
  {
    // The GC sizes its youngest generation from the CPU's last-level cache; on hosts with a large shared cache
    // (260 MB on the development VM) that let the heap grow by ~130 MB before the first collection.
    // 8 MB (hexadecimal, as the runtime reads it) keeps the bot near 195 MB at 2,500 turns/s; the extra gen0
    // collections cost no measurable CPU.
    name: 'DOTNET_GCgen0size'
    value: '0x800000'
  }
]

// The client secret exists only for SingleTenant; a managed identity has none.
var passwordAppSettings = isMsi ? [] : [
  {
    name: 'MicrosoftAppPassword'
    value: '@Microsoft.KeyVault(SecretUri=${appPasswordSecret!.properties.secretUri})'
  }
]

var identityAppSettings = needsIdentity ? [
  {
    name: 'AZURE_CLIENT_ID'
    value: identity!.properties.clientId
  }
] : []

// Recognition:Clu:Endpoint only; the bot keeps its offline recognizer until Recognition__Recognizer=Clu,
// ProjectName and DeploymentName are set for a deployed CLU project (see README). No key: Entra ID is used.
var languageAppSettings = deployLanguageResource ? [
  {
    name: 'Recognition__Clu__Endpoint'
    value: language!.properties.endpoint
  }
] : []

resource webApp 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: needsIdentity ? {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  } : {
    type: 'None'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    // Key Vault references in the app settings are resolved with the managed identity.
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet CustomerCare.Bot.dll'
      alwaysOn: true
      webSocketsEnabled: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz/ready'
      numberOfWorkers: 1
      appSettings: concat(baseAppSettings, passwordAppSettings, identityAppSettings, languageAppSettings)
    }
  }
  dependsOn: [
    postgresAdministrator
    vaultSecretsUser
  ]
}

// ---------------------------------------------------------------------------------------------------------
// Azure Bot and its channels
// ---------------------------------------------------------------------------------------------------------

// From the app's name rather than the app itself: the app's settings need the Direct Line channel's secret, and the
// channel needs the bot, so the bot must not wait for the app.
var messagingEndpoint = 'https://${webAppName}.azurewebsites.net/api/messages'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: union({
    displayName: botDisplayName
    endpoint: messagingEndpoint
    msaAppId: effectiveAppId
    msaAppType: appType
    msaAppTenantId: effectiveTenantId
    publicNetworkAccess: 'Enabled'
  }, isMsi ? {
    msaAppMSIResourceId: identity.id
  } : {})
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
      // Accept the Teams channel terms at creation, as the portal does when the channel is added there.
      acceptedTerms: true
    }
  }
}

// Channels are written one after another: parallel writes to the same bot can conflict.
resource directLineChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: false
        }
      ]
    }
  }
  dependsOn: [
    teamsChannel
  ]
}

resource webChatChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isWebchatPreviewEnabled: false
        }
      ]
    }
  }
  dependsOn: [
    directLineChannel
  ]
}

// ---------------------------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------------------------

@description('Name of the web app (for az webapp deploy).')
output webAppName string = webApp.name

@description('Host name of the web app.')
output webAppHostName string = webApp.properties.defaultHostName

@description('Messaging endpoint registered on the Azure Bot.')
output botMessagingEndpoint string = messagingEndpoint

@description('The bot\'s Microsoft App ID (the managed identity\'s client ID in MSI mode): use it for the Teams package.')
output botAppId string = effectiveAppId

@description('Endpoint of the Azure AI Language resource, or empty when none was deployed.')
output languageEndpoint string = deployLanguageResource ? language!.properties.endpoint : ''

@description('Name of the Key Vault holding the bot\'s secrets.')
output keyVaultName string = vault.name
