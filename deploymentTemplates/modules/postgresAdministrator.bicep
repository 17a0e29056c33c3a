// Makes a managed identity an Entra ID administrator of a PostgreSQL Flexible Server. A module of its own because
// the administrator's name is the identity's principal ID, known only once the identity exists.

param serverName string

@description('Object (principal) ID of the managed identity.')
param principalId string

@description('Name of the managed identity: the PostgreSQL user it signs in as.')
param principalName string

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' existing = {
  name: serverName
}

resource administrator 'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2024-08-01' = {
  parent: server
  name: principalId
  properties: {
    principalType: 'ServicePrincipal'
    principalName: principalName
    tenantId: tenant().tenantId
  }
}
