window.YTD.screen_name_change.part0 = [
  {
    "screenNameChange" : {
      "accountId" : "111111111",
      "screenNameChange" : {
        "changedAt" : "2023-08-12T17:10:37.000Z",
        "changedFrom" : "SomeOneElse",
        "changedTo" : "SomeOneNew"
      }
    }
  }
]
