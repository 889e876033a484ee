# <sign-in>
Connect-Contoso
    -Account me
# </sign-in>
Write-Output "done"
