window.YTD.ageinfo.part0 = [ { "ageMeta": { "ageInfo": { "age": [ "13-54" ], "birthDate": "1977-07-07" },
  "inferredAgeInfo": { "age": [ "13-54" ], "birthDate": "" } } } ]
