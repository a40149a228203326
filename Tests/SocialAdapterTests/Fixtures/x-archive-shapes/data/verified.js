window.YTD.verified.part0 = [ { "verified": { "accountId": "111111111", "verified": false } } ]
