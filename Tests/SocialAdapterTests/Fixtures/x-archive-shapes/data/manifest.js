window.__THAR_CONFIG = {
  "userInfo" : {
    "accountId" : "111111111",
    "userName" : "S0_And_S0",
    "displayName" : "S0AndS0.eth"
  },
  "archiveInfo" : {
    "sizeBytes" : "44546997",
    "generationDate" : "2023-08-31T09:15:27.000Z",
    "isPartialArchive" : false,
    "maxPartSizeBytes" : "53687091200"
  },
  "readmeInfo" : {
    "fileName" : "data/README.txt",
    "directory" : "data/",
    "name" : "README.txt"
  },
  "dataTypes" : {
    "account" : {
      "files" : [
        {
          "fileName" : "data/account.js",
          "globalName" : "YTD.account.part0",
          "count" : "1"
        }
      ]
    },
    "ageinfo" : {
      "files" : [
        {
          "fileName" : "data/ageinfo.js",
          "globalName" : "YTD.ageinfo.part0",
          "count" : "1"
        }
      ]
    },
    "emailAddressChange" : {
      "files" : [
        {
          "fileName" : "data/email-address-change.js",
          "globalName" : "YTD.email_address_change.part0",
          "count" : "1"
        }
      ]
    },
    "phoneNumber" : {
      "files" : [
        {
          "fileName" : "data/phone-number.js",
          "globalName" : "YTD.phone_number.part0",
          "count" : "1"
        }
      ]
    },
    "screenNameChange" : {
      "files" : [
        {
          "fileName" : "data/screen-name-change.js",
          "globalName" : "YTD.screen_name_change.part0",
          "count" : "1"
        }
      ]
    },
    "tweets" : {
      "mediaDirectory" : "data/tweets_media",
      "files" : [
        {
          "fileName" : "data/tweets.js",
          "globalName" : "YTD.tweets.part0",
          "count" : "1"
        }
      ]
    },
    "tweetsMedia" : {
      "mediaDirectory" : "data/tweets_media"
    },
    "verified" : {
      "files" : [
        {
          "fileName" : "data/verified.js",
          "globalName" : "YTD.verified.part0",
          "count" : "1"
        }
      ]
    }
  }
}
