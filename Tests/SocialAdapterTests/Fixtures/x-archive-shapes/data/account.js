window.YTD.account.part0 = [ { "account": { "email": "user@example.com", "createdVia": "web", "username": "S0_And_S0",
  "accountId": "111111111", "createdAt": "2023-08-30T23:20:03.000Z", "accountDisplayName": "S0AndS0.eth" } } ]
