window.YTD.tweets.part0 = [ { "tweet": { "id_str": "1696000000000000001", "created_at": "Thu Aug 31 08:00:00 +0000 2023",
  "full_text": "FORBIDDEN-TWEET-TEXT-7c1e my diary entry" } } ]
