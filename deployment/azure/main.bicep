// The safeguarding assistant on Azure, for one organisation's Microsoft Teams.
//
//   az deployment group create -g <resource group> -f deployment/azure/main.bicep \
//     -p deployment/azure/main.parameters.json \
//     -p containerImage=<registry>.azurecr.io/safeguarding-assistant:1 \
//     -p stateEncryptionKey="$(openssl rand -base64 32)"
//
// What it creates (README, "Deploy for your organisation"):
// - a user-assigned managed identity: the bot's Microsoft App ID (MicrosoftAppType
//   UserAssignedMSI: no password to store or expire; new multi-tenant bots can no longer
//   be created), and the identity that reads Key Vault and pulls the image;
// - Azure Container Apps running the image: at least two replicas, never scaled to zero
//   (always on), liveness on /healthz, readiness and start-up on /readyz, 30 s to stop;
// - Azure Managed Redis for conversation state (Azure Cache for Redis is retiring and
//   closed to new customers), TLS only, non-clustered, persistence on;
// - Key Vault (RBAC) holding every secret; the app reads them by Key Vault reference;
// - Log Analytics: the containers' logs (JSON lines, user text redacted);
// - the Azure Bot with its messaging endpoint and the Microsoft Teams channel.
// Outputs: the bot id and public address the Teams app package needs.

targetScope = 'resourceGroup'

// ---- Parameters ------------------------------------------------------------------------

@description('Short lowercase prefix for every resource name (letters and digits, 3-11 characters), e.g. "sgbot".')
@minLength(3)
@maxLength(11)
param namePrefix string

@description('Azure region for everything except the Azure Bot itself (global). UK councils: uksouth or ukwest.')
param location string = resourceGroup().location

@description('The container image built from deployment/Dockerfile, e.g. myregistry.azurecr.io/safeguarding-assistant:1.')
param containerImage string

@description('Name of an Azure Container Registry in this resource group that holds the image; the bot identity is given AcrPull on it. Empty when the image is public.')
param registryName string = ''

@description('32 random bytes, base64 (openssl rand -base64 32): encrypts conversation state in Redis. Keep the same value on every redeployment; rotate it with previousStateEncryptionKey.')
@secure()
param stateEncryptionKey string

@description('Only while rotating the state key: the key being retired (it still decrypts, never encrypts). Empty otherwise.')
@secure()
param previousStateEncryptionKey string = ''

@description('Bearer token for /metrics (at least 16 characters). Empty: the operator figures are off.')
@secure()
param metricsToken string = ''

@description('Name shown for the bot in Teams and the Azure portal.')
param botDisplayName string = 'Safeguarding assistant'

@description('Azure Bot pricing tier: F0 is free and covers the Teams channel (a standard channel).')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Replicas that always run (two or more: one can restart while the other answers).')
@minValue(2)
@maxValue(10)
param minReplicas int = 2

@description('Most replicas under load (each holds the index and the embedding model in memory).')
@minValue(2)
@maxValue(30)
param maxReplicas int = 4

@description('Concurrent requests per replica before another is added.')
param concurrentRequestsPerReplica int = 20

@description('Azure Managed Redis size; Balanced_B0 is ample for conversation state.')
@allowed([
  'Balanced_B0'
  'Balanced_B1'
  'Balanced_B3'
  'Balanced_B5'
])
param redisSku string = 'Balanced_B0'

@description('Seconds an idle conversation is kept (STATE_TTL_SECONDS): the longest a draft in progress lives in Redis.')
@minValue(60)
@maxValue(604800)
param stateTtlSeconds int = 3600

@description('Days the container logs are kept in Log Analytics.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Tags for every resource (e.g. owner, cost centre, data classification).')
param tags object = {}

// ---- Names -----------------------------------------------------------------------------

var suffix = uniqueString(resourceGroup().id, namePrefix)
var names = {
  identity: '${namePrefix}-id'
  logs: '${namePrefix}-logs'
  vault: take('${namePrefix}kv${suffix}', 24)
  redis: '${namePrefix}-redis-${suffix}'
  environment: '${namePrefix}-env'
  app: '${namePrefix}-bot'
  bot: '${namePrefix}-bot-${suffix}'
}
// Built-in role definitions.
var keyVaultSecretsUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
var acrPull = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '7f951dda-4ed3-4680-a7ca-43fe172d538d')
var metricsOn = !empty(metricsToken)
var rotating = !empty(previousStateEncryptionKey)

// ---- Identity --------------------------------------------------------------------------

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
  tags: tags
}

// ---- Logs ------------------------------------------------------------------------------

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: names.logs
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

// ---- Secrets ---------------------------------------------------------------------------

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: names.vault
  location: location
  tags: tags
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

resource vaultReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: keyVaultSecretsUser
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource stateKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'state-encryption-key'
  properties: {
    value: stateEncryptionKey
    contentType: 'base64 AES-256 key'
  }
}

resource previousStateKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (rotating) {
  parent: vault
  name: 'state-encryption-key-previous'
  properties: {
    value: previousStateEncryptionKey
    contentType: 'base64 AES-256 key (retiring)'
  }
}

resource metricsTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (metricsOn) {
  parent: vault
  name: 'metrics-token'
  properties: {
    value: metricsToken
  }
}

resource redisUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'redis-url'
  properties: {
    // TLS (rediss) on Azure Managed Redis's port; the access key never leaves Azure.
    value: 'rediss://:${redisDatabase.listKeys().primaryKey}@${redis.properties.hostName}:10000'
  }
}

// ---- Conversation state ----------------------------------------------------------------

resource redis 'Microsoft.Cache/redisEnterprise@2025-07-01' = {
  name: names.redis
  location: location
  tags: tags
  sku: {
    name: redisSku
  }
  properties: {
    minimumTlsVersion: '1.2'
    highAvailability: 'Enabled'
    // Reachable over TLS with the access key; put it behind a private endpoint where your
    // network policy requires it (README).
    publicNetworkAccess: 'Enabled'
  }
}

resource redisDatabase 'Microsoft.Cache/redisEnterprise/databases@2025-07-01' = {
  parent: redis
  name: 'default'
  properties: {
    clientProtocol: 'Encrypted'
    port: 10000
    // One endpoint, every command (the bot writes several keys in one transaction).
    clusteringPolicy: 'NoCluster'
    // Every key has a time-to-live; under memory pressure the oldest conversations go first.
    evictionPolicy: 'VolatileLRU'
    accessKeysAuthentication: 'Enabled'
    persistence: {
      aofEnabled: true
      aofFrequency: '1s'
    }
  }
}

// ---- Image registry (optional) -----------------------------------------------------------

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = if (!empty(registryName)) {
  name: registryName
}

resource registryPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(registryName)) {
  name: guid(resourceGroup().id, registryName, identity.id, acrPull)
  scope: registry
  properties: {
    roleDefinitionId: acrPull
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---- The bot's compute -------------------------------------------------------------------

resource environment 'Microsoft.App/managedEnvironments@2025-01-01' = {
  name: names.environment
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

var secretRefs = concat(
  [
    {
      name: 'state-encryption-key'
      keyVaultUrl: stateKeySecret.properties.secretUri
      identity: identity.id
    }
    {
      name: 'redis-url'
      keyVaultUrl: redisUrlSecret.properties.secretUri
      identity: identity.id
    }
  ],
  rotating
    ? [
        {
          name: 'state-encryption-key-previous'
          keyVaultUrl: previousStateKeySecret!.properties.secretUri
          identity: identity.id
        }
      ]
    : [],
  metricsOn
    ? [
        {
          name: 'metrics-token'
          keyVaultUrl: metricsTokenSecret!.properties.secretUri
          identity: identity.id
        }
      ]
    : []
)

var appSettings = concat(
  [
    // Bot Framework: the managed identity is the bot's app id; there is no password.
    { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
    { name: 'MicrosoftAppId', value: identity.properties.clientId }
    { name: 'MicrosoftAppTenantId', value: tenant().tenantId }
    { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
    { name: 'PORT', value: '3978' }
    { name: 'LOG_LEVEL', value: 'info' }
    { name: 'LOG_USER_TEXT', value: 'false' }
    { name: 'STATE_STORE', value: 'redis' }
    { name: 'REDIS_URL', secretRef: 'redis-url' }
    { name: 'STATE_ENCRYPTION_KEY', secretRef: 'state-encryption-key' }
    { name: 'STATE_TTL_SECONDS', value: string(stateTtlSeconds) }
    { name: 'PUBLIC_BASE_URL', value: 'https://${names.app}.${environment.properties.defaultDomain}' }
    // Inside terminationGracePeriodSeconds below.
    { name: 'SHUTDOWN_GRACE_SECONDS', value: '25' }
    { name: 'METRICS_ENABLED', value: metricsOn ? 'true' : 'false' }
  ],
  rotating ? [{ name: 'STATE_ENCRYPTION_KEY_PREVIOUS', secretRef: 'state-encryption-key-previous' }] : [],
  metricsOn ? [{ name: 'METRICS_TOKEN', secretRef: 'metrics-token' }] : []
)

resource app 'Microsoft.App/containerApps@2025-01-01' = {
  name: names.app
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  dependsOn: [
    vaultReader
    registryPull
  ]
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      // A new image or setting is a new revision; it takes traffic once ready (no downtime).
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 3978
        transport: 'http'
        allowInsecure: false
      }
      secrets: secretRefs
      registries: empty(registryName)
        ? []
        : [
            {
              server: registry!.properties.loginServer
              identity: identity.id
            }
          ]
    }
    template: {
      terminationGracePeriodSeconds: 30
      containers: [
        {
          name: 'bot'
          image: containerImage
          resources: {
            cpu: json('1.0')
            memory: '2Gi'
          }
          env: appSettings
          probes: [
            {
              type: 'Startup'
              httpGet: {
                path: '/readyz'
                port: 3978
              }
              periodSeconds: 5
              failureThreshold: 36
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/readyz'
                port: 3978
              }
              periodSeconds: 10
              failureThreshold: 3
            }
            {
              type: 'Liveness'
              httpGet: {
                path: '/healthz'
                port: 3978
              }
              periodSeconds: 30
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http'
            http: {
              metadata: {
                concurrentRequests: string(concurrentRequestsPerReplica)
              }
            }
          }
        ]
      }
    }
  }
}

// ---- The Azure Bot and its Teams channel --------------------------------------------------

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: names.bot
  location: 'global'
  kind: 'azurebot'
  tags: tags
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${app.properties.configuration.ingress.fqdn}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: identity.id
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
      acceptedTerms: true
    }
  }
}

// ---- Outputs (the Teams app package reads the first two) ---------------------------------

@description('The bot\'s Microsoft App ID (the managed identity\'s client id): MicrosoftAppId for the Teams package.')
output microsoftAppId string = identity.properties.clientId

@description('The bot\'s public address: PUBLIC_BASE_URL for the Teams package (its domain goes in validDomains).')
output publicBaseUrl string = 'https://${app.properties.configuration.ingress.fqdn}'

@description('The host name alone.')
output botDomain string = app.properties.configuration.ingress.fqdn

@description('The Azure Bot\'s messaging endpoint.')
output messagingEndpoint string = bot.properties.endpoint

@description('The tenant the bot belongs to (MicrosoftAppTenantId).')
output microsoftAppTenantId string = tenant().tenantId

@description('Key Vault holding the secrets.')
output keyVaultName string = vault.name

@description('The Container App (for az containerapp update / logs).')
output containerAppName string = app.name

@description('The Log Analytics workspace with the container logs.')
output logAnalyticsWorkspaceName string = logs.name
