Write-Output "start"
Write-Output "line two"
Write-Output "line three"
Write-Output "end"
