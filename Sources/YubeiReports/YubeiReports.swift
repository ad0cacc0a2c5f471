// YubeiReports
