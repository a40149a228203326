window.YTD.email_address_change.part0 = [ { "emailAddressChange": { "accountId": "111111111",
  "emailChange": { "changedAt": "2023-08-12T17:10:37.000Z", "changedTo": "someone@example.com" } } } ]
